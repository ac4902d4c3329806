// Incidents: tickets reporting one problem at one place. A ticket joins one at filing (automatically
// when the pair model is confident, or by the citizen's 附议), or when an operator attaches it; an
// operator may detach it. The lead ticket is the first; when it is replied to or closed, every other
// ticket follows (propagateFromLead), each with its own timeline entry, notification and rating.
import { NEARBY_INCIDENT_METRES, TICKET_TRANSITIONS, isFinalStatus, type TicketStatus } from '@minhu/shared';
import { Types } from 'mongoose';
import type { Deps } from '../deps.js';
import { distanceMetres, geohash } from '../dispatch/geo.js';
import { AppError, conflict, notFound } from '../http/errors.js';
import type { IncidentDoc } from '../models/incident.js';
import type { TicketDoc } from '../models/ticket.js';
import { joinBlocker } from '../policies/incident.js';
import { applyTicketEvent, type TicketEventType } from './apply-ticket-event.js';
import { ticketChange } from './ticket-change.js';

const oid = (id: string) => (/^[0-9a-f]{24}$/i.test(id) ? new Types.ObjectId(id) : null);

async function loadTicket(deps: Deps, id: string | Types.ObjectId): Promise<TicketDoc> {
  const _id = typeof id === 'string' ? oid(id) : id;
  const ticket = _id ? await deps.models.Ticket.findById(_id).lean<TicketDoc>() : null;
  if (!ticket) throw notFound('工单不存在');
  return ticket;
}

/** A new incident led by `lead` (which must not be in one); null when a concurrent change put it in one first. */
async function openIncident(deps: Deps, lead: TicketDoc): Promise<IncidentDoc | null> {
  const loc = lead.location;
  const hasPoint = typeof loc?.lat === 'number' && typeof loc?.lng === 'number';
  const incident = await deps.models.Incident.create({
    categoryId: lead.categoryId ?? null,
    status: 'open',
    leadTicketId: lead._id,
    ticketIds: [lead._id],
    lat: hasPoint ? loc!.lat : null,
    lng: hasPoint ? loc!.lng : null,
    geoCell6: hasPoint ? geohash(loc!.lat!, loc!.lng!, 6) : null,
    address: loc?.address ?? null,
    lastReportAt: lead.createdAt,
  });
  const claimed = await ticketChange(deps, lead._id, { where: { incidentId: null }, set: { incidentId: incident._id } });
  if (!claimed) {
    await deps.models.Incident.deleteOne({ _id: incident._id });
    return null;
  }
  return incident.toObject() as IncidentDoc;
}

/** The incident `ticket` belongs to, made with it as lead when it has none. */
async function incidentOf(deps: Deps, ticket: TicketDoc): Promise<IncidentDoc> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const fresh = attempt === 0 ? ticket : await loadTicket(deps, ticket._id);
    if (fresh.incidentId) {
      const existing = await deps.models.Incident.findById(fresh.incidentId).lean<IncidentDoc>();
      if (existing) return existing;
    }
    if (isFinalStatus(fresh.status as TicketStatus)) throw conflict('incident_closed', '该工单已办结，不能作为事件关联');
    const made = await openIncident(deps, fresh);
    if (made) return made;
  }
  throw conflict('concurrent_update', '事件正在被其他操作更新，请重试');
}

/** Puts `ticket` into `incident` (leaving any other first). Throws 409 when the rules forbid it. */
async function join(deps: Deps, ticket: TicketDoc, incident: IncidentDoc): Promise<void> {
  const blocker = joinBlocker(ticket, incident);
  if (blocker) throw new AppError(409, blocker.code, blocker.message);
  if (ticket.incidentId?.equals(incident._id)) return;
  if (ticket.incidentId) await leave(deps, ticket);
  const moved = await ticketChange(deps, ticket._id, { where: { incidentId: null }, set: { incidentId: incident._id, incidentCandidates: [] } });
  if (!moved) throw conflict('concurrent_update', '工单正在被其他操作更新，请重试');
  await deps.models.Incident.updateOne(
    { _id: incident._id },
    { $addToSet: { ticketIds: ticket._id }, $max: { lastReportAt: ticket.createdAt } },
  );
}

/** Takes `ticket` out of its incident; an incident left with one ticket dissolves; a lead leaving hands over. */
async function leave(deps: Deps, ticket: TicketDoc): Promise<void> {
  const incidentId = ticket.incidentId;
  if (!incidentId) return;
  await ticketChange(deps, ticket._id, { where: { incidentId }, set: { incidentId: null } });
  const after = await deps.models.Incident.findOneAndUpdate({ _id: incidentId }, { $pull: { ticketIds: ticket._id } }, { returnDocument: 'after' }).lean<IncidentDoc>();
  if (!after) return;
  if (after.ticketIds.length <= 1) {
    for (const rest of after.ticketIds) await ticketChange(deps, rest, { where: { incidentId }, set: { incidentId: null } });
    await deps.models.Incident.deleteOne({ _id: incidentId });
  } else if (after.leadTicketId.equals(ticket._id)) {
    await deps.models.Incident.updateOne({ _id: incidentId }, { $set: { leadTicketId: after.ticketIds[0] } });
  }
}

/** Operator: attach a ticket to an incident, or to another ticket's incident (made if it has none). */
export async function attachToIncident(deps: Deps, ticketId: string, target: { incidentId?: string; ticketId?: string }): Promise<TicketDoc> {
  const ticket = await loadTicket(deps, ticketId);
  let incident: IncidentDoc | null;
  if (target.incidentId) {
    incident = await deps.models.Incident.findById(oid(target.incidentId)).lean<IncidentDoc>();
    if (!incident) throw notFound('事件不存在');
  } else {
    if (target.ticketId === ticketId) throw conflict('same_ticket', '不能关联到工单自身');
    const other = await loadTicket(deps, target.ticketId!);
    // Checked before an incident is made for it: a ticket of another category makes none.
    const blocker = joinBlocker(ticket, { status: isFinalStatus(other.status as TicketStatus) ? 'closed' : 'open', categoryId: other.categoryId });
    if (blocker) throw new AppError(409, blocker.code, blocker.message);
    incident = await incidentOf(deps, other);
  }
  await join(deps, ticket, incident);
  return loadTicket(deps, ticket._id);
}

/** Operator: take a ticket out of its incident. */
export async function detachFromIncident(deps: Deps, ticketId: string): Promise<TicketDoc> {
  const ticket = await loadTicket(deps, ticketId);
  if (!ticket.incidentId) throw conflict('not_in_incident', '该工单未关联事件');
  await leave(deps, ticket);
  return loadTicket(deps, ticket._id);
}

/** Citizen's 附议 at filing: the incident must exist, be open and be of the ticket's category. */
export async function incidentForJoining(
  deps: Deps,
  incidentId: string,
  ticket: Pick<TicketDoc, 'status' | 'categoryId'> & { location?: { lat?: number; lng?: number } | null },
): Promise<IncidentDoc> {
  const incident = await deps.models.Incident.findById(oid(incidentId)).lean<IncidentDoc>();
  if (!incident) throw notFound('要附议的事件不存在');
  const blocker = joinBlocker(ticket, incident);
  if (blocker) throw new AppError(409, blocker.code, blocker.message);
  const loc = ticket.location;
  if (typeof loc?.lat === 'number' && typeof loc?.lng === 'number' && typeof incident.lat === 'number' && typeof incident.lng === 'number') {
    // Twice the distance the report page offers: a place moved a little after choosing still joins.
    if (distanceMetres({ lat: loc.lat, lng: loc.lng }, { lat: incident.lat, lng: incident.lng }) > 2 * NEARBY_INCIDENT_METRES) {
      throw conflict('incident_too_far', '所选位置离该事件太远，不能附议');
    }
  }
  return incident;
}

/** Puts a just-filed ticket into an incident (附议, or an automatic join with the ticket it matched). */
export async function joinAtFiling(deps: Deps, ticket: TicketDoc, target: { incident?: IncidentDoc; matched?: TicketDoc }): Promise<void> {
  const incident = target.incident ?? (await incidentOf(deps, target.matched!));
  await join(deps, ticket, incident);
}

/** Statuses walked from `from` to reach `to` (shortest way through the state machine), or null. */
export function pathTo(from: TicketStatus, to: TicketStatus): TicketStatus[] | null {
  const queue: TicketStatus[][] = [[from]];
  const seen = new Set([from]);
  while (queue.length) {
    const path = queue.shift()!;
    const last = path.at(-1)!;
    if (last === to) return path.slice(1);
    for (const next of TICKET_TRANSITIONS[last]) {
      // Never through a dead end or back into a reopening.
      if (seen.has(next) || next === 'rejected' || next === 'withdrawn' || next === 'reopened') continue;
      seen.add(next);
      queue.push([...path, next]);
    }
  }
  return null;
}

/**
 * After the lead ticket was replied to or closed: every other open ticket of its incident walks to the
 * same status (accepted and dispatched to the lead's department on the way if it had not been), each
 * step an ordinary event with its own timeline entry and notification. Event ids derive from the lead's,
 * so running it again (a retry) applies nothing twice. Closing the lead closes the incident.
 */
export async function propagateFromLead(deps: Deps, lead: TicketDoc, leadEventId: string): Promise<void> {
  if (!lead.incidentId) return;
  const incident = await deps.models.Incident.findById(lead.incidentId).lean<IncidentDoc>();
  if (!incident || !incident.leadTicketId.equals(lead._id)) return;
  const target = lead.status as TicketStatus;
  const reply = [...(lead.timeline ?? [])].reverse().find((t) => t.status === 'replied')?.reply ?? undefined;
  for (const id of incident.ticketIds) {
    if (id.equals(lead._id)) continue;
    const other = await deps.models.Ticket.findById(id, { status: 1, ownerDepartment: 1 }).lean<TicketDoc>();
    if (!other || isFinalStatus(other.status as TicketStatus)) continue;
    // Dispatched to the lead's department on the way when the lead was (首接负责制 holds for each).
    const from = other.status as TicketStatus;
    const viaDispatch = lead.ownerDepartment && !other.ownerDepartment ? pathTo(from, 'dispatched') : null;
    const steps = (viaDispatch ? [...viaDispatch, ...(pathTo('dispatched', target) ?? [])] : pathTo(from, target)) ?? [];
    for (const step of steps) {
      try {
        await applyTicketEvent(deps, {
          eventId: `${leadEventId}:${id.toString()}:${step}`,
          ref: { ticketId: id.toString() },
          type: step as TicketEventType,
          at: deps.now(),
          data: {
            ...(step === 'dispatched' ? { department: other.ownerDepartment ?? lead.ownerDepartment ?? undefined } : {}),
            ...(step === 'replied' ? { reply: reply ?? '已随同一事件的主工单一并办理。' } : {}),
          },
          actor: { type: 'operator', name: `同一事件主工单 ${lead.number}` },
        });
      } catch (err) {
        // One ticket that cannot follow (changed meanwhile) does not stop the others.
        deps.logger.warn({ err, ticketId: id.toString(), step }, 'incident ticket did not follow its lead');
        break;
      }
    }
  }
  if (target === 'closed') await deps.models.Incident.updateOne({ _id: incident._id }, { $set: { status: 'closed' } });
}
