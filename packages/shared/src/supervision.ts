/**
 * Supervision (督办): which deadline a ticket must meet next, given where it stands. The "1345" rule
 * (day 1 acceptance confirmed, day 3 result fed back, day 4 follow-up review, day 5 closed) for ordinary
 * tickets, the fast-response clock (contact in 30 min, on site in 1 h) for urgent help, and the plain
 * time limit for consultations and reopened tickets (whose due date restarts when they are reopened).
 * Pure: the deadlines come from `computeDeadlines` in `./deadlines.ts`.
 */
import type { TicketDeadlines } from './deadlines.js';
import type { TicketKind, TicketStatus } from './tickets.js';

export const SUPERVISION_MILESTONES = ['urgent_contact', 'urgent_on_site', 'accept', 'feedback', 'review', 'close', 'due'] as const;
export type SupervisionMilestone = (typeof SUPERVISION_MILESTONES)[number];
export const SUPERVISION_MILESTONE_LABELS: Record<SupervisionMilestone, string> = {
  urgent_contact: '紧急：30 分钟内联系群众',
  urgent_on_site: '紧急：1 小时内到达现场',
  accept: '第 1 日：确认受理',
  feedback: '第 3 日：反馈办理结果',
  review: '第 4 日：跟踪回访',
  close: '第 5 日：办结',
  due: '办理时限',
};

export interface NextMilestone {
  milestone: SupervisionMilestone;
  deadline: Date;
}

/** The next deadline of an open ticket, or null once it is final. */
export function nextMilestone(
  ticket: { kind: TicketKind; urgent: boolean; status: TicketStatus; dueAt: Date | null },
  deadlines: TicketDeadlines,
): NextMilestone | null {
  const { status } = ticket;
  if (status === 'closed' || status === 'rejected' || status === 'withdrawn') return null;
  const due = ticket.dueAt ?? deadlines.dueAt;
  if (status === 'reopened' || ticket.kind === 'consult') return { milestone: 'due', deadline: due };
  if (ticket.urgent && deadlines.urgent) {
    if (status === 'submitted') return { milestone: 'urgent_contact', deadline: deadlines.urgent.contactBy };
    if (status === 'accepted') return { milestone: 'urgent_on_site', deadline: deadlines.urgent.onSiteBy };
    return { milestone: 'due', deadline: due };
  }
  const m = deadlines.milestones;
  switch (status) {
    case 'submitted':
      return { milestone: 'accept', deadline: m.acceptBy };
    case 'accepted':
    case 'dispatched':
      return { milestone: 'feedback', deadline: m.feedbackBy };
    case 'replied':
      return { milestone: 'review', deadline: m.reviewBy };
    case 'callback':
      return { milestone: 'close', deadline: m.closeBy };
  }
}
