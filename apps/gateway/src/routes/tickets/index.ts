// The citizen's tickets: file (idempotent), list, open, rate, withdraw, urge (催办), ask to reopen (申请重办).
import Router from '@koa/router';
import { ChannelHeaderSchema, CreateTicketSchema, PageQuerySchema, RateTicketSchema, ReopenRequestSchema, WithdrawTicketSchema } from '@minhu/shared';
import { fileTicket } from '../../commands/file-ticket.js';
import { findCitizenTicket, listCitizenTickets } from '../../commands/list-tickets.js';
import { rateTicket } from '../../commands/rate-ticket.js';
import { requestReopen } from '../../commands/request-reopen.js';
import { urgeTicket } from '../../commands/urge-ticket.js';
import { withdrawTicket } from '../../commands/withdraw-ticket.js';
import type { Deps } from '../../deps.js';
import { citizenOf, requireCitizen } from '../../http/auth.js';
import { requireCitizenFiling } from '../../http/filing-guard.js';
import { notFound } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { presentTicketDetail, presentTicketSummary } from '../../presenters/ticket.js';
import { IdempotencyKeySchema } from './schema.js';

export function ticketsRouter(deps: Deps) {
  const router = new Router({ prefix: '/api/tickets' });
  const citizen = requireCitizen(deps);

  // Filing signs in and spends one of the day's filings in one step (http/filing-guard.ts).
  router.post('/', requireCitizenFiling(deps), async (ctx) => {
    const key = parseInput(IdempotencyKeySchema, ctx.get('idempotency-key') || undefined);
    const channel = parseInput(ChannelHeaderSchema, ctx.get('x-minhu-channel') || undefined);
    const input = parseInput(CreateTicketSchema, ctx.request.body);
    const { ticket, created } = await fileTicket(deps, citizenOf(ctx), input, key, channel);
    ctx.status = created ? 201 : 200;
    ctx.body = { ticket: await presentTicketDetail(deps, ticket) };
  });

  router.get('/', citizen, async (ctx) => {
    const page = parseInput(PageQuerySchema, ctx.query);
    const { items, nextCursor } = await listCitizenTickets(deps, citizenOf(ctx).id, page);
    const now = deps.now();
    ctx.body = { items: items.map((t) => presentTicketSummary(t, now)), nextCursor };
  });

  router.get('/:id', citizen, async (ctx) => {
    const ticket = await findCitizenTicket(deps, citizenOf(ctx).id, ctx.params.id!);
    if (!ticket) throw notFound('工单不存在');
    ctx.body = { ticket: await presentTicketDetail(deps, ticket) };
  });

  router.post('/:id/rating', citizen, async (ctx) => {
    const input = parseInput(RateTicketSchema, ctx.request.body);
    const ticket = await rateTicket(deps, citizenOf(ctx).id, ctx.params.id!, input);
    ctx.body = { ticket: await presentTicketDetail(deps, ticket) };
  });

  router.post('/:id/withdraw', citizen, async (ctx) => {
    const input = parseInput(WithdrawTicketSchema, ctx.request.body ?? {});
    const ticket = await withdrawTicket(deps, citizenOf(ctx).id, ctx.params.id!, input.reason);
    ctx.body = { ticket: await presentTicketDetail(deps, ticket) };
  });

  router.post('/:id/urge', citizen, async (ctx) => {
    const ticket = await urgeTicket(deps, citizenOf(ctx).id, ctx.params.id!);
    ctx.body = { ticket: await presentTicketDetail(deps, ticket) };
  });

  router.post('/:id/reopen-request', citizen, async (ctx) => {
    const input = parseInput(ReopenRequestSchema, ctx.request.body);
    const ticket = await requestReopen(deps, citizenOf(ctx).id, ctx.params.id!, input.reason);
    ctx.body = { ticket: await presentTicketDetail(deps, ticket) };
  });

  return router;
}
