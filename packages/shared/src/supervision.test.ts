// The next deadline a ticket is supervised against, for each status, ordinary and urgent.
import { describe, expect, it } from 'vitest';
import { computeDeadlines, createWorkCalendar } from './deadlines.js';
import { nextMilestone } from './supervision.js';
import { TICKET_STATUSES, type TicketStatus } from './tickets.js';

const calendar = createWorkCalendar();
const filed = new Date('2026-11-02T02:00:00Z'); // Monday 10:00 in China
const ordinary = computeDeadlines('complaint', false, filed, calendar);
const urgent = computeDeadlines('help', true, filed, calendar);
const at = (status: TicketStatus, kind: 'complaint' | 'help' | 'consult' = 'complaint', isUrgent = false, dueAt: Date | null = null) =>
  nextMilestone({ kind, urgent: isUrgent, status, dueAt }, isUrgent ? urgent : ordinary);

describe('nextMilestone', () => {
  it('follows "1345" for an ordinary ticket', () => {
    expect(at('submitted')).toEqual({ milestone: 'accept', deadline: ordinary.milestones.acceptBy });
    expect(at('accepted')).toEqual({ milestone: 'feedback', deadline: ordinary.milestones.feedbackBy });
    expect(at('dispatched')?.milestone).toBe('feedback');
    expect(at('replied')).toEqual({ milestone: 'review', deadline: ordinary.milestones.reviewBy });
    expect(at('callback')).toEqual({ milestone: 'close', deadline: ordinary.milestones.closeBy });
    expect(ordinary.milestones.acceptBy.toISOString()).toBe('2026-11-03T15:59:59.999Z'); // end of Tuesday in China
  });

  it('uses the urgent-help clock, then the ticket’s own due date', () => {
    expect(at('submitted', 'help', true)).toEqual({ milestone: 'urgent_contact', deadline: new Date(filed.getTime() + 30 * 60_000) });
    expect(at('accepted', 'help', true)).toEqual({ milestone: 'urgent_on_site', deadline: new Date(filed.getTime() + 60 * 60_000) });
    expect(at('dispatched', 'help', true)).toEqual({ milestone: 'due', deadline: urgent.dueAt });
  });

  it('measures consultations and reopened tickets by their due date, and final tickets not at all', () => {
    const restarted = new Date('2026-11-20T15:59:59.999Z');
    expect(at('reopened', 'complaint', false, restarted)).toEqual({ milestone: 'due', deadline: restarted });
    expect(at('accepted', 'consult')?.milestone).toBe('due');
    for (const s of TICKET_STATUSES) expect(at(s) === null, s).toBe(['closed', 'rejected', 'withdrawn'].includes(s));
  });
});
