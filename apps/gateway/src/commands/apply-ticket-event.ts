// Applies a status event from the hotline (webhook) or an operator (builtin mode) to a ticket:
// one state machine (packages/shared canTransition), one atomic update per event, applied once per
// eventId, with a timeline entry and a citizen notification written in the same update.
import { canTransition, TICKET_STATUS_LABELS, type Satisfaction, type TICKET_EVENT_TYPES, type TicketStatus } from '@minhu/shared';
import { computeDeadlines } from '@minhu/shared/deadlines';
import { Types } from 'mongoose';
import type { Deps } from '../deps.js';
import { AppError, conflict, notFound } from '../http/errors.js';
import { citizenNotification } from '../hotline/pending-events.js';
import type { TicketDoc } from '../models/ticket.js';
import { propagateFromLead } from './incidents.js';
import { ticketChange } from './ticket-change.js';

export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

export interface TicketEventData {
  hotlineNumber?: string;
  department?: string;
  reply?: string;
  reason?: string;
  /** Callback: whether the citizen was reached. */
  reached?: boolean;
  /** Callback: satisfaction given on the phone (becomes the round's rating unless the citizen already rated). */
  satisfaction?: Satisfaction;
  /** Callback: whether the citizen says the problem was solved. */
  resolved?: boolean;
}

export interface TicketEventInput {
  eventId: string;
  /** Minhu's ticket id or number, or the hotline's own number. */
  ref: { ticketId?: string; hotlineRef?: string };
  type: TicketEventType;
  at: Date;
  data: TicketEventData;
  actor: { type: 'hotline' | 'operator'; name?: string };
}

async function findTicket(deps: Deps, ref: TicketEventInput['ref']): Promise<TicketDoc | null> {
  const { Ticket } = deps.models;
  if (ref.ticketId) {
    if (/^[0-9a-f]{24}$/i.test(ref.ticketId)) return Ticket.findById(new Types.ObjectId(ref.ticketId)).lean<TicketDoc>();
    return Ticket.findOne({ number: ref.ticketId }).lean<TicketDoc>();
  }
  if (ref.hotlineRef) return Ticket.findOne({ hotlineRef: ref.hotlineRef }).lean<TicketDoc>();
  return null;
}

function requiredData(type: TicketEventType, data: TicketEventData): void {
  const need: Partial<Record<TicketEventType, keyof TicketEventData>> = { dispatched: 'department', replied: 'reply', rejected: 'reason' };
  const field = need[type];
  if (field && !data[field]) {
    throw new AppError(400, 'validation_failed', `${type} 事件需要 data.${field}`, [{ path: `data.${field}`, message: 'required' }]);
  }
}

/** The rating a callback call recorded, unless the citizen already rated this round. */
function phoneRatingOf(ticket: TicketDoc, data: TicketEventData, now: Date) {
  if (!data.satisfaction || data.reached === false) return null;
  const round = ticket.round ?? 1;
  if ((ticket.ratings ?? []).some((r) => r.round === round)) return null;
  return { satisfaction: data.satisfaction, resolved: data.resolved ?? data.satisfaction !== 'dissatisfied', round, at: now, source: 'phone' as const };
}

export async function applyTicketEvent(deps: Deps, input: TicketEventInput): Promise<{ ticket: TicketDoc; duplicate: boolean }> {
  requiredData(input.type, input.data);
  const now = deps.now();
  // Timeline time is when it happened at the hotline, but never in our future.
  const at = input.at.getTime() > now.getTime() ? now : input.at;

  for (let attempt = 0; attempt < 5; attempt++) {
    const ticket = await findTicket(deps, input.ref);
    if (!ticket) throw notFound('工单不存在');
    if ((ticket.timeline ?? []).some((t) => t.eventId === input.eventId)) return { ticket, duplicate: true };

    const from = ticket.status as TicketStatus;
    const to = input.type as TicketStatus;
    if (!canTransition(from, to)) {
      throw conflict('illegal_transition', `工单当前状态为「${TICKET_STATUS_LABELS[from]}」，不能变更为「${TICKET_STATUS_LABELS[to]}」`, { from, to });
    }
    if (to === 'dispatched' && ticket.ownerDepartment && input.data.department !== ticket.ownerDepartment) {
      throw conflict('first_responsible', `首接负责制：本工单由「${ticket.ownerDepartment}」负责，不能改派`, { ownerDepartment: ticket.ownerDepartment });
    }

    const set: Record<string, unknown> = { status: to, statusAt: now };
    const inc: Record<string, number> = {};
    if (input.data.hotlineNumber && !ticket.hotlineRef) set.hotlineRef = input.data.hotlineNumber;
    if (to === 'dispatched' && !ticket.ownerDepartment) set.ownerDepartment = input.data.department;
    if (to === 'reopened') {
      inc.round = 1;
      set.dueAt = computeDeadlines(ticket.kind, Boolean(ticket.urgent), now, deps.calendar).dueAt;
    }
    // Staff decided what a dissatisfied rating (and the citizen's 申请重办) asked for.
    if (to === 'reopened' || to === 'closed' || to === 'rejected') Object.assign(set, { needsReview: false, reopenRequested: false });
    const phoneRating = to === 'callback' ? phoneRatingOf(ticket, input.data, now) : null;
    if (phoneRating) set.needsReview = phoneRating.satisfaction === 'dissatisfied';

    const entry = {
      status: to,
      at,
      actor: { type: input.actor.type, ...(input.actor.name ? { name: input.actor.name } : {}) },
      eventId: input.eventId,
      ...(input.data.department ? { department: input.data.department } : {}),
      ...(input.data.reply ? { reply: input.data.reply } : {}),
      ...(input.data.reason ? { reason: input.data.reason } : {}),
      ...(input.data.hotlineNumber ? { hotlineNumber: input.data.hotlineNumber } : {}),
      ...(to === 'callback' && typeof input.data.reached === 'boolean' ? { reached: input.data.reached } : {}),
      ...(to === 'callback' && input.data.satisfaction ? { satisfaction: input.data.satisfaction } : {}),
    };
    const notify = citizenNotification(to, now, { department: input.data.department, reason: input.data.reason });
    let applied;
    try {
      applied = await ticketChange(deps, ticket._id, {
        where: {
          status: from,
          'timeline.eventId': { $ne: input.eventId },
          // A citizen's rating of this round that lands meanwhile wins over the phone's.
          ...(phoneRating ? { 'ratings.round': { $ne: phoneRating.round } } : {}),
        },
        set,
        inc,
        ...(phoneRating ? { push: { ratings: phoneRating } } : {}),
        timeline: entry,
        events: [notify],
      });
    } catch (err) {
      if ((err as { code?: number }).code === 11000) {
        throw conflict('hotline_ref_taken', `热线工单号 ${input.data.hotlineNumber} 已关联其他工单`);
      }
      throw err;
    }
    if (applied) {
      const updated = await deps.models.Ticket.findById(ticket._id).lean<TicketDoc>();
      // An incident's lead carries the others along when it is replied to or closed.
      if ((to === 'replied' || to === 'closed') && updated?.incidentId) await propagateFromLead(deps, updated, input.eventId);
      return { ticket: updated!, duplicate: false };
    }
    // Someone changed the ticket between our read and write: read again and re-decide.
  }
  throw conflict('concurrent_update', '工单正在被其他操作更新，请重试');
}
