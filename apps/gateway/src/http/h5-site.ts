// Serves the built H5 site (apps/h5/dist) next to the API, so `npm start` is the whole product on
// one origin. Hashed assets are cached for a year; index.html is never cached, so a new build shows
// up on the next visit. Unknown page paths get index.html (the app routes on the client).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, Next } from 'koa';
import serve from 'koa-static';
import send from 'koa-send';

export function h5Site(distDir: string) {
  if (!existsSync(join(distDir, 'index.html'))) return null;
  const files = serve(distDir, {
    index: 'index.html',
    gzip: false,
    setHeaders(res, path) {
      res.setHeader('Cache-Control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
    },
  });
  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/wechat/') || /^\/console(\/|$)/.test(ctx.path)) return next();
    await files(ctx, async () => undefined);
    if (ctx.body !== undefined || ctx.status !== 404) return;
    if (/\.[a-z0-9]+$/i.test(ctx.path)) return next(); // a missing asset stays a 404
    ctx.set('Cache-Control', 'no-cache');
    await send(ctx, 'index.html', { root: distDir });
  };
}
