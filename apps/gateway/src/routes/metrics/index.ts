// GET /metrics: Prometheus text (prom-client), every cluster worker's metrics aggregated by the primary.
// Open to loopback callers that came through no proxy; from anywhere else only with `Authorization: Bearer
// $METRICS_TOKEN` (and closed when no token is set).
import { timingSafeEqual } from 'node:crypto';
import Router from '@koa/router';
import type { Context } from 'koa';
import type { Deps } from '../../deps.js';
import { AppError } from '../../http/errors.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** A caller on this machine, not a request a local proxy (nginx) forwarded from elsewhere. */
function fromLoopback(ctx: Context): boolean {
  const forwarded = ctx.get('x-forwarded-for') || ctx.get('x-real-ip') || ctx.get('forwarded');
  return !forwarded && LOOPBACK.test(ctx.req.socket.remoteAddress ?? '');
}

function bearerMatches(ctx: Context, token: string | undefined): boolean {
  if (!token) return false;
  const given = Buffer.from(/^Bearer (.+)$/.exec(ctx.get('authorization'))?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function metricsRouter(deps: Deps) {
  const router = new Router();
  router.get('/metrics', async (ctx) => {
    if (!fromLoopback(ctx) && !bearerMatches(ctx, deps.config.metricsToken)) throw new AppError(403, 'forbidden', '无权访问监控指标');
    const { text, contentType } = await deps.metricsSource();
    ctx.type = contentType;
    ctx.body = text;
  });
  return router;
}
