// The built-in back office (HOTLINE_MODE=builtin, or alongside webhook mode for parked events):
// the ticket queue with its tab counts, ticket detail and status events with the operator's name,
// the 督办 board, statistics, departments, failed deliveries.
import Router from '@koa/router';
import { AttachIncidentSchema, HotspotQuerySchema, OperatorEventSchema, OperatorTicketQuerySchema, OutboxQuerySchema, StatsQuerySchema, SupervisionQuerySchema } from '@minhu/shared';
import { applyTicketEvent, type TicketEventData } from '../../commands/apply-ticket-event.js';
import { hotspots } from '../../commands/hotspots.js';
import { attachToIncident, detachFromIncident } from '../../commands/incidents.js';
import { operatorQueue } from '../../commands/operator-queue.js';
import { operatorStats } from '../../commands/operator-stats.js';
import { supervisionBoard } from '../../commands/supervision-board.js';
import type { Deps } from '../../deps.js';
import { requireStaff, staffOf } from '../../http/auth.js';
import { AppError, notFound } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { randomId } from '../../lib/ids.js';
import type { TicketDoc } from '../../models/ticket.js';
import type { QueueItemDoc } from '../../models/queue-item.js';
import { presentOperatorDetail, presentOperatorSummary } from '../../presenters/operator-ticket.js';

export function operatorRouter(deps: Deps) {
  const router = new Router({ prefix: '/api/operator' });
  router.use(requireStaff(deps));

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

  router.get('/tickets/:id', async (ctx) => {
    const id = ctx.params.id!;
    if (!/^[0-9a-f]{24}$/i.test(id)) throw notFound('工单不存在');
    const ticket = await deps.models.Ticket.findById(id).lean<TicketDoc>();
    if (!ticket) throw notFound('工单不存在');
    ctx.body = { ticket: await presentOperatorDetail(deps, ticket) };
  });

  router.post('/tickets/:id/events', async (ctx) => {
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
    ctx.body = { ticket: await presentOperatorDetail(deps, ticket) };
  });

  router.get('/hotspots', async (ctx) => {
    ctx.body = await hotspots(deps, parseInput(HotspotQuerySchema, ctx.query).days);
  });

  router.post('/tickets/:id/incident', async (ctx) => {
    const input = parseInput(AttachIncidentSchema, ctx.request.body);
    const ticket = await attachToIncident(deps, ctx.params.id!, input);
    ctx.body = { ticket: await presentOperatorDetail(deps, ticket) };
  });

  router.delete('/tickets/:id/incident', async (ctx) => {
    const ticket = await detachFromIncident(deps, ctx.params.id!);
    ctx.body = { ticket: await presentOperatorDetail(deps, ticket) };
  });

  router.get('/outbox', async (ctx) => {
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

  router.post('/outbox/:eventId/retry', async (ctx) => {
    const res = await deps.models.Outbox.updateOne(
      { _id: ctx.params.eventId, status: 'failed' },
      { $set: { status: 'pending', attempts: 0, nextAttemptAt: deps.now(), lastError: null } },
    );
    if (res.modifiedCount !== 1) throw notFound('没有该条失败的投递');
    deps.relay.notify('hotline');
    ctx.body = { ok: true };
  });

  return router;
}
