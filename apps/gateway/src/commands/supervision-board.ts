// The 督办 board: open tickets whose next deadline (the "1345" milestone, the urgent-help clock or the
// time limit; packages/shared/src/supervision.ts) has passed or falls within the next hours, most
// overdue first. Computed over the in-memory ticket index.
import { nextMilestone, type SupervisionBoard } from '@minhu/shared';
import { computeDeadlines } from '@minhu/shared/deadlines';
import type { Deps } from '../deps.js';
import { isOpen } from '../read-model/ticket-facts.js';

export async function supervisionBoard(deps: Deps, q: { withinHours: number }): Promise<SupervisionBoard> {
  const facts = await deps.ticketIndex.current();
  const now = deps.now();
  const horizon = now.getTime() + q.withinHours * 3_600_000;
  const items: SupervisionBoard['items'] = [];
  for (const f of facts.values()) {
    if (!isOpen(f)) continue;
    f.deadlines ??= computeDeadlines(f.kind, f.urgent, new Date(f.createdAt), deps.calendar);
    const next = nextMilestone({ kind: f.kind, urgent: f.urgent, status: f.status, dueAt: f.dueAt === null ? null : new Date(f.dueAt) }, f.deadlines);
    if (!next || next.deadline.getTime() > horizon) continue;
    items.push({
      id: f.id,
      number: f.number,
      status: f.status,
      kind: f.kind,
      categoryId: f.categoryId,
      urgent: f.urgent,
      department: f.department,
      excerpt: f.excerpt,
      milestone: next.milestone,
      deadline: next.deadline.toISOString(),
      overdueMinutes: Math.floor((now.getTime() - next.deadline.getTime()) / 60_000),
    });
  }
  items.sort((a, b) => b.overdueMinutes - a.overdueMinutes || (a.number < b.number ? -1 : 1));
  return { at: now.toISOString(), items };
}
