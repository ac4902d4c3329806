// POST /api/staff/session: staff sign in to the built-in back office.
import Router from '@koa/router';
import { StaffLoginSchema } from '@minhu/shared';
import { staffSignIn } from '../../commands/staff-accounts.js';
import type { Deps } from '../../deps.js';
import { parseInput } from '../../http/validate.js';

export function staffRouter(deps: Deps) {
  const router = new Router({ prefix: '/api/staff' });
  router.post('/session', async (ctx) => {
    const input = parseInput(StaffLoginSchema, ctx.request.body);
    ctx.body = await staffSignIn(deps, deps.limiters.staffLogin, { ...input, ip: ctx.ip });
  });
  return router;
}
