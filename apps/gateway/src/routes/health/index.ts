// Health for load balancers and people: GET /api/health (MongoDB and storage, naming the answering process),
// /api/health/live (the process's event loop answers) and /api/health/ready (it should be sent traffic:
// dependencies up and not draining for a restart).
import Router from '@koa/router';
import type { Deps } from '../../deps.js';

async function check(fn: () => Promise<unknown>, timeoutMs = 2000): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([fn(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)))]);
    return 'ok';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

async function dependencies(deps: Deps) {
  const [mongo, storage] = await Promise.all([check(() => deps.db.db!.command({ ping: 1 })), check(() => deps.storage.ping())]);
  return { mongo, storage, ok: mongo === 'ok' && storage === 'ok' };
}

export function healthRouter(deps: Deps) {
  const router = new Router();
  router.get('/api/health', async (ctx) => {
    const { mongo, storage, ok } = await dependencies(deps);
    ctx.status = ok ? 200 : 503;
    ctx.body = { status: ok ? 'ok' : 'degraded', mongo, storage, pid: process.pid };
  });
  router.get('/api/health/live', (ctx) => {
    ctx.body = { status: 'ok', pid: process.pid };
  });
  router.get('/api/health/ready', async (ctx) => {
    if (deps.lifecycle.draining) {
      ctx.status = 503;
      ctx.body = { status: 'draining', pid: process.pid };
      return;
    }
    const { mongo, storage, ok } = await dependencies(deps);
    ctx.status = ok ? 200 : 503;
    ctx.body = { status: ok ? 'ready' : 'degraded', mongo, storage, pid: process.pid };
  });
  return router;
}
