// Serves the built staff console (apps/console/dist) at /console/ on the API's origin. Hashed assets
// are cached for a year; index.html is never cached. Other paths under /console/ get index.html (the
// console routes on the client); a missing asset stays a 404.
import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { Context, Next } from 'koa';
import send from 'koa-send';

export const CONSOLE_BASE = '/console/';

export function consoleSite(distDir: string) {
  if (!existsSync(join(distDir, 'index.html'))) return null;
  const root = normalize(distDir);
  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path === '/console') return ctx.redirect(CONSOLE_BASE);
    if (!ctx.path.startsWith(CONSOLE_BASE)) return next();
    let file: string;
    try {
      file = decodeURIComponent(ctx.path.slice(CONSOLE_BASE.length));
    } catch {
      return next();
    }
    const full = normalize(join(root, file));
    if (file && full.startsWith(root + sep) && existsSync(full) && statSync(full).isFile()) {
      ctx.set('Cache-Control', file.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      await send(ctx, file, { root, hidden: false });
      return;
    }
    if (/\.[a-z0-9]+$/i.test(file)) return next(); // a missing asset stays a 404
    ctx.set('Cache-Control', 'no-cache');
    await send(ctx, 'index.html', { root });
  };
}
