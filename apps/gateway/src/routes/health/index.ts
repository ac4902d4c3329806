// GET /api/health: 200 when MongoDB and storage answer, 503 naming what is down.
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

export function healthRouter(deps: Deps) {
  const router = new Router();
  router.get('/api/health', async (ctx) => {
    const [mongo, storage] = await Promise.all([check(() => deps.db.db!.command({ ping: 1 })), check(() => deps.storage.ping())]);
    const ok = mongo === 'ok' && storage === 'ok';
    ctx.status = ok ? 200 : 503;
    ctx.body = { status: ok ? 'ok' : 'degraded', mongo, storage };
  });
  return router;
}
