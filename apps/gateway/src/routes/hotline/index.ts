// POST /api/hotline/events: status events from the city's hotline system, signed with the shared
// secret like Minhu's outgoing webhooks but for the other direction (see hotline/signature.ts). Bad
// signature or stale timestamp → 401, logged as a security event; nothing changes.
import Router from '@koa/router';
import { HotlineEventSchema } from '@minhu/shared';
import { applyTicketEvent } from '../../commands/apply-ticket-event.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { verifySignature } from '../../hotline/signature.js';
import { securityEvent } from '../../lib/security-log.js';

export function hotlineRouter(deps: Deps) {
  const router = new Router({ prefix: '/api/hotline' });

  router.post('/events', async (ctx) => {
    const secret = deps.config.hotline.secret;
    if (!secret) throw new AppError(404, 'not_found', '热线对接未启用');
    const raw = (ctx.request as { rawBody?: string }).rawBody ?? '';
    const check = verifySignature(
      secret,
      'hotline-to-minhu',
      { timestamp: ctx.get('x-minhu-timestamp') || undefined, signature: ctx.get('x-minhu-signature') || undefined },
      raw,
      Math.floor(deps.now().getTime() / 1000),
    );
    if (!check.ok) securityEvent(deps, 'hotline_signature_invalid', { ip: ctx.ip, reason: check.reason });
    if (!check.ok) throw new AppError(401, 'invalid_signature', check.reason === 'stale' ? '时间戳无效或偏差超过 5 分钟' : '签名无效', { reason: check.reason });

    const event = parseInput(HotlineEventSchema, ctx.request.body);
    const { ticket, duplicate } = await applyTicketEvent(deps, {
      eventId: event.eventId,
      ref: { ticketId: event.ticketId, hotlineRef: event.hotlineRef },
      type: event.type,
      at: new Date(event.at),
      data: event.data,
      actor: { type: 'hotline' },
    });
    ctx.body = { ok: true, duplicate, ticket: { id: ticket._id.toString(), number: ticket.number, status: ticket.status } };
  });

  return router;
}
