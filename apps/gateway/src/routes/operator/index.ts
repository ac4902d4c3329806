// The built-in back office (HOTLINE_MODE=builtin, or alongside webhook mode for parked events):
// the ticket queue with its tab counts, ticket detail and status events with the operator's name,
// the citizen's full callback number on request, the 督办 board, statistics, departments, failed
// deliveries. Who may do what is policies/staff.ts; opening a ticket, acting on it, revealing its
// phone number and retrying a delivery each leave an audit entry (commands/audit.ts).
import Router from '@koa/router';
import {
  AttachIncidentSchema,
  HotspotQuerySchema,
  OperatorEventSchema,
  OperatorTicketQuerySchema,
  OutboxQuerySchema,
  StatsQuerySchema,
  SupervisionQuerySchema,
  type RevealPhoneResponse,
} from '@minhu/shared';
import { applyTicketEvent, type TicketEventData } from '../../commands/apply-ticket-event.js';
import { recordAudit } from '../../commands/audit.js';
import { hotspots } from '../../commands/hotspots.js';
import { attachToIncident, detachFromIncident } from '../../commands/incidents.js';
import { operatorQueue } from '../../commands/operator-queue.js';
import { operatorStats } from '../../commands/operator-stats.js';
import { supervisionBoard } from '../../commands/supervision-board.js';
import type { Deps } from '../../deps.js';
import { allowStaff, auditActorOf, requireStaff, staffOf } from '../../http/auth.js';
import { AppError, notFound } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { randomId } from '../../lib/ids.js';
import type { TicketDoc } from '../../models/ticket.js';
import type { QueueItemDoc } from '../../models/queue-item.js';
import { canActOnTicket, canManageOutbox, canReadTickets, canRevealPhone } from '../../policies/staff.js';
import { presentOperatorDetail, presentOperatorSummary } from '../../presenters/operator-ticket.js';

export function operatorRouter(deps: Deps) {
  const router = new Router({ prefix: '/api/operator' });
  router.use(requireStaff(deps, canReadTickets));

  router.get('/departments', (ctx) => {
    ctx.body = { departments: deps.config.departments };
  });

  router.get('/tickets', async (ctx) => {
    const q = parseInput(OperatorTicketQuerySchema, ctx.query);
    const { items, ...page } = await operatorQueue(deps, q);
    const now = deps.now();
    ctx.body = { items: items.map((t) => presentOperatorSummary(deps, t, now)), ...page };
  });

  router.get('/supervision', async (ctx) => {
    ctx.body = await supervisionBoard(deps, parseInput(SupervisionQuerySchema, ctx.query));
  });

  router.get('/stats', async (ctx) => {
    ctx.body = await operatorStats(deps, parseInput(StatsQuerySchema, ctx.query));
  });

  /** The ticket of `:id` (only the fields asked for, when given), or 404. */
  async function ticketOf(id: string, fields?: Record<string, 1>): Promise<TicketDoc> {
    if (!/^[0-9a-f]{24}$/i.test(id)) throw notFound('工单不存在');
    const ticket = await deps.models.Ticket.findById(id, fields).lean<TicketDoc>();
    if (!ticket) throw notFound('工单不存在');
    return ticket;
  }

  router.get('/tickets/:id', async (ctx) => {
    const ticket = await ticketOf(ctx.params.id!);
    const detail = await presentOperatorDetail(deps, ticket);
    await recordAudit(deps, auditActorOf(ctx), { action: 'ticket.view', ticket: { id: ticket._id, number: ticket.number } });
    ctx.body = { ticket: detail };
  });

  // The full callback number, for the call itself: recorded before it leaves, and never cached.
  router.post('/tickets/:id/reveal-phone', allowStaff(canRevealPhone), async (ctx) => {
    const ticket = await ticketOf(ctx.params.id!, { number: 1, contactPhone: 1 });
    await recordAudit(deps, auditActorOf(ctx), { action: 'ticket.reveal_phone', ticket: { id: ticket._id, number: ticket.number } });
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { phone: ticket.contactPhone ?? null } satisfies RevealPhoneResponse;
  });

  router.post('/tickets/:id/events', allowStaff(canActOnTicket), async (ctx) => {
    const id = ctx.params.id!;
    if (!/^[0-9a-f]{24}$/i.test(id)) throw notFound('工单不存在');
    const input = parseInput(OperatorEventSchema, ctx.request.body);
    if (input.type === 'dispatched' && !deps.config.departments.includes(input.data.department)) {
      throw new AppError(400, 'unknown_department', `未知的承办单位：${input.data.department}`, { departments: deps.config.departments });
    }
    const staff = staffOf(ctx);
    const { ticket } = await applyTicketEvent(deps, {
      eventId: `op_${randomId(16)}`,
      ref: { ticketId: id },
      type: input.type,
      at: deps.now(),
      data: input.data as TicketEventData,
      actor: { type: 'operator', name: staff.name },
    });
    await recordAudit(deps, auditActorOf(ctx), {
      action: 'ticket.event',
      ticket: { id: ticket._id, number: ticket.number },
      details: { type: input.type, ...(input.type === 'dispatched' ? { department: input.data.department } : {}) },
    });
    ctx.body = { ticket: await presentOperatorDetail(deps, ticket) };
  });

  router.get('/hotspots', async (ctx) => {
    ctx.body = await hotspots(deps, parseInput(HotspotQuerySchema, ctx.query).days);
  });

  router.post('/tickets/:id/incident', allowStaff(canActOnTicket), async (ctx) => {
    const input = parseInput(AttachIncidentSchema, ctx.request.body);
    const ticket = await attachToIncident(deps, ctx.params.id!, input);
    await recordAudit(deps, auditActorOf(ctx), {
      action: 'ticket.attach_incident',
      ticket: { id: ticket._id, number: ticket.number },
      details: { incidentId: String(ticket.incidentId) },
    });
    ctx.body = { ticket: await presentOperatorDetail(deps, ticket) };
  });

  router.delete('/tickets/:id/incident', allowStaff(canActOnTicket), async (ctx) => {
    const ticket = await detachFromIncident(deps, ctx.params.id!);
    await recordAudit(deps, auditActorOf(ctx), { action: 'ticket.detach_incident', ticket: { id: ticket._id, number: ticket.number } });
    ctx.body = { ticket: await presentOperatorDetail(deps, ticket) };
  });

  router.get('/outbox', allowStaff(canManageOutbox), async (ctx) => {
    const q = parseInput(OutboxQuerySchema, ctx.query);
    const items = await deps.models.Outbox.find({ status: q.status }).sort({ at: -1 }).limit(q.limit).lean<QueueItemDoc[]>();
    const tickets = items.length
      ? await deps.models.Ticket.find({ _id: { $in: [...new Set(items.map((i) => String(i.ticketId)))] } }, { number: 1 }).lean<Array<{ _id: unknown; number: string }>>()
      : [];
    const numbers = new Map(tickets.map((t) => [String(t._id), t.number]));
    ctx.body = {
      items: items.map((i) => ({
        eventId: i._id,
        type: i.type,
        ticketId: String(i.ticketId),
        ticketNumber: numbers.get(String(i.ticketId)) ?? null,
        status: i.status,
        attempts: i.attempts,
        lastError: i.lastError ?? null,
        nextAttemptAt: new Date(i.nextAttemptAt).toISOString(),
        at: new Date(i.at).toISOString(),
      })),
    };
  });

  router.post('/outbox/:eventId/retry', allowStaff(canManageOutbox), async (ctx) => {
    const eventId = ctx.params.eventId!;
    const item = await deps.models.Outbox.findOneAndUpdate(
      { _id: eventId, status: 'failed' },
      { $set: { status: 'pending', attempts: 0, nextAttemptAt: deps.now(), lastError: null } },
      { projection: { ticketId: 1, type: 1 } },
    ).lean<Pick<QueueItemDoc, 'ticketId' | 'type'>>();
    if (!item) throw notFound('没有该条失败的投递');
    deps.relay.notify('hotline');
    const ticket = await deps.models.Ticket.findById(item.ticketId, { number: 1 }).lean<{ _id: TicketDoc['_id']; number: string }>();
    await recordAudit(deps, auditActorOf(ctx), {
      action: 'outbox.retry',
      target: eventId,
      ...(ticket ? { ticket: { id: ticket._id, number: ticket.number } } : {}),
      details: { type: item.type },
    });
    ctx.body = { ok: true };
  });

  return router;
}
