// Times every request into minhu_http_request_duration_seconds, labelled by the route's pattern (not its path,
// so ids do not multiply the series), method and final status.
import type { Context, Next } from 'koa';
import type { GatewayMetrics } from './registry.js';

export function httpMetrics(metrics: GatewayMetrics) {
  return async (ctx: Context, next: Next) => {
    const end = metrics.httpDuration.startTimer();
    try {
      await next();
    } finally {
      const pattern = (ctx as Context & { _matchedRoute?: string | RegExp })._matchedRoute;
      const route = typeof pattern === 'string' ? pattern : ctx.path.startsWith('/api/') ? 'unmatched' : 'static';
      end({ method: ctx.method, route, status: String(ctx.status) });
    }
  };
}
