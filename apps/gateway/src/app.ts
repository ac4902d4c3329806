// createApp(deps): the Koa app with its middleware and routers, and no globals, so tests and the
// benchmark build as many as they like.
import { bodyParser } from '@koa/bodyparser';
import cors from '@koa/cors';
import Koa from 'koa';
import type { Deps } from './deps.js';
import { consoleSite } from './http/console-site.js';
import { h5Site } from './http/h5-site.js';
import { errorBody, requestLog, requireJson } from './http/middleware.js';
import { securityHeaders } from './http/security-headers.js';
import { officialAccountRouter } from './channels/wechat-official-account.js';
import { adminAuditRouter } from './routes/admin/audit.js';
import { adminFaqRouter } from './routes/admin/faq.js';
import { adminStaffRouter } from './routes/admin/staff.js';
import { authRouter } from './routes/auth/index.js';
import { chatRouter } from './routes/chat/index.js';
import { faqRouter } from './routes/faq/index.js';
import { healthRouter } from './routes/health/index.js';
import { hotlineRouter } from './routes/hotline/index.js';
import { meRouter } from './routes/me/index.js';
import { operatorRouter } from './routes/operator/index.js';
import { staffRouter } from './routes/staff/index.js';
import { ticketsRouter } from './routes/tickets/index.js';
import { incidentsRouter } from './routes/incidents/index.js';
import { uploadsRouter } from './routes/uploads/index.js';
import { metricsRouter } from './routes/metrics/index.js';
import { httpMetrics } from './metrics/http.js';

export function createApp(deps: Deps): Koa {
  // Behind N proxies the client is the N-th address from the right of X-Forwarded-For: Koa keeps only
  // the last `maxIpsCount` entries, so a header the client forged cannot choose its own address.
  const app = new Koa({ proxy: deps.config.trustProxy, maxIpsCount: deps.config.trustProxyHops });
  app.silent = true; // errors are logged by errorBody, once

  const allowed = new Set(deps.config.corsOrigins);
  app.use(requestLog(deps.logger));
  app.use(httpMetrics(deps.metrics));
  app.use(errorBody(deps.logger));
  app.use(securityHeaders(deps.storage.publicOrigin));
  app.use(
    cors({
      origin: (ctx) => {
        const origin = ctx.get('origin');
        return allowed.has(origin) ? origin : '';
      },
      allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'X-Request-Id', 'X-Minhu-Channel'],
      exposeHeaders: ['X-Request-Id', 'Retry-After'],
      maxAge: 600,
    }),
  );
  app.use(async (ctx, next) => (ctx.path.startsWith('/api/') ? requireJson()(ctx, next) : next()));
  app.use(
    bodyParser({
      // XML only reaches the official-account channel: /api/* requires JSON (415 otherwise).
      enableTypes: ['json', 'xml'],
      jsonLimit: deps.config.bodyLimit,
      xmlLimit: '16kb',
      encoding: 'utf-8',
      jsonStrict: true,
    }),
  );

  const routers = [
    healthRouter(deps),
    metricsRouter(deps),
    authRouter(deps),
    meRouter(deps),
    uploadsRouter(deps),
    ticketsRouter(deps),
    incidentsRouter(deps),
    hotlineRouter(deps),
    staffRouter(deps),
    operatorRouter(deps),
    chatRouter(deps),
    faqRouter(deps),
    adminFaqRouter(deps),
    adminStaffRouter(deps),
    adminAuditRouter(deps),
    officialAccountRouter(deps),
  ];
  for (const router of routers) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  const staffConsole = consoleSite(deps.config.consoleDistDir);
  if (staffConsole) app.use(staffConsole);
  const site = h5Site(deps.config.h5DistDir);
  if (site) app.use(site);
  return app;
}
