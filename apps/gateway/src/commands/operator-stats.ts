// The hotline's figures for a period of filing days: 受理量, 办结率, 按时办结率, 回访率, 满意率 and the average
// handling time — overall, per department, per category, per day — and tickets per category × street.
// A ticket counts on the day it was filed, with where it stands now (a cohort: the figures of a past
// period still move while its tickets are being worked). Computed over the in-memory ticket index.
import type { CategoryId, StatsMetrics, StatsQuery, StatsResponse } from '@minhu/shared';
import type { Deps } from '../deps.js';
import type { TicketFact } from '../read-model/ticket-facts.js';

const DAY_MS = 86_400_000;

/** Running sums for one group of tickets. */
export class Tally {
  filed = 0;
  accepted = 0;
  closed = 0;
  closedOnTime = 0;
  replied = 0;
  calledBack = 0;
  rated = 0;
  satisfied = 0;
  handlingMs = 0;

  add(f: TicketFact): void {
    this.filed++;
    if (f.accepted) this.accepted++;
    if (f.replied) this.replied++;
    if (f.replied && f.calledBack) this.calledBack++;
    if (f.satisfaction) {
      this.rated++;
      if (f.satisfaction !== 'dissatisfied') this.satisfied++;
    }
    if (f.status === 'closed' && f.closedAt !== null) {
      this.closed++;
      this.handlingMs += f.closedAt - f.createdAt;
      if (f.dueAt === null || f.closedAt <= f.dueAt) this.closedOnTime++;
    }
  }

  metrics(): StatsMetrics {
    const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10_000) / 10_000 : null);
    return {
      filed: this.filed,
      accepted: this.accepted,
      closed: this.closed,
      closedOnTime: this.closedOnTime,
      replied: this.replied,
      calledBack: this.calledBack,
      rated: this.rated,
      satisfied: this.satisfied,
      completionRate: rate(this.closed, this.accepted),
      onTimeRate: rate(this.closedOnTime, this.closed),
      callbackRate: rate(this.calledBack, this.replied),
      satisfactionRate: rate(this.satisfied, this.rated),
      avgHandlingHours: this.closed > 0 ? Math.round((this.handlingMs / this.closed / 3_600_000) * 10) / 10 : null,
    };
  }
}

/** Every day from `from` to `to` (YYYY-MM-DD, both included). */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

function tallyOf<K>(map: Map<K, Tally>, key: K): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = new Tally()));
  return t;
}

export function statsOf(facts: Iterable<TicketFact>, q: StatsQuery): StatsResponse {
  const totals = new Tally();
  const byDepartment = new Map<string | null, Tally>();
  const byCategory = new Map<CategoryId | null, Tally>();
  const days = daysOf(q.from, q.to);
  const daily = new Map(days.map((d) => [d, new Tally()]));
  // Category → street → tickets (nested maps: no key string built per ticket).
  const byCategoryStreet = new Map<CategoryId | null, Map<string | null, number>>();
  for (const f of facts) {
    if (f.filedDay < q.from || f.filedDay > q.to) continue;
    totals.add(f);
    tallyOf(byDepartment, f.department).add(f);
    tallyOf(byCategory, f.categoryId).add(f);
    daily.get(f.filedDay)?.add(f);
    let streets = byCategoryStreet.get(f.categoryId);
    if (!streets) byCategoryStreet.set(f.categoryId, (streets = new Map()));
    streets.set(f.street, (streets.get(f.street) ?? 0) + 1);
  }
  // Most tickets first; ties by name, the unnamed (not dispatched, uncategorised, no street) last.
  const label = (v: string | null) => (v === null ? '\uffff' : v);
  const byVolume =
    <T extends { filed: number }>(name: (row: T) => string) =>
    (a: T, b: T) =>
      b.filed - a.filed || (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0);
  return {
    from: q.from,
    to: q.to,
    totals: totals.metrics(),
    byDepartment: [...byDepartment].map(([department, t]) => ({ department, ...t.metrics() })).sort(byVolume((r) => label(r.department))),
    byCategory: [...byCategory].map(([categoryId, t]) => ({ categoryId, ...t.metrics() })).sort(byVolume((r) => label(r.categoryId))),
    daily: days.map((date) => ({ date, ...daily.get(date)!.metrics() })),
    byCategoryStreet: [...byCategoryStreet]
      .flatMap(([categoryId, streets]) => [...streets].map(([street, filed]) => ({ categoryId, street, filed })))
      .sort(byVolume((r) => `${label(r.categoryId)}\u0000${label(r.street)}`)),
  };
}

export async function operatorStats(deps: Deps, q: StatsQuery): Promise<StatsResponse> {
  const facts = await deps.ticketIndex.current();
  return statsOf(facts.values(), q);
}
