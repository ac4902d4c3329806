// The signed-in citizen's own account: profile, a callback number verified by SMS, the WeChat
// subscribe-message grants the mini-program reports, and PIPL's rights (export, erasure).
import Router from '@koa/router';
import { BindPhoneSchema, WechatSubscriptionsSchema } from '@minhu/shared';
import { eraseCitizen } from '../../commands/erase-citizen.js';
import { exportCitizenData } from '../../commands/export-citizen-data.js';
import { recordSubscriptionGrants } from '../../commands/subscription-grants.js';
import { bindPhoneBySms } from '../../commands/verify-otp.js';
import type { Deps } from '../../deps.js';
import { citizenOf, requireCitizen } from '../../http/auth.js';
import { unauthorized } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import type { CitizenDoc } from '../../models/citizen.js';
import { presentMe } from '../../presenters/me.js';

export function meRouter(deps: Deps) {
  const router = new Router({ prefix: '/api/me' });
  router.use(requireCitizen(deps));

  router.get('/', async (ctx) => {
    const citizen = await deps.models.Citizen.findById(citizenOf(ctx).id).lean<CitizenDoc>();
    if (!citizen) throw unauthorized('登录已过期，请重新登录');
    ctx.body = presentMe(deps.config, citizen);
  });

  router.post('/phone', async (ctx) => {
    const input = parseInput(BindPhoneSchema, ctx.request.body);
    ctx.body = await bindPhoneBySms(deps, citizenOf(ctx).id, input);
  });

  // PIPL: everything held about the citizen.
  router.get('/export', async (ctx) => {
    ctx.set('Content-Disposition', 'attachment; filename="minhu-my-data.json"');
    ctx.body = await exportCitizenData(deps, citizenOf(ctx).id);
  });

  // PIPL: erase the account (409 while a ticket is still being handled).
  router.delete('/', async (ctx) => {
    ctx.body = { erased: true, ...(await eraseCitizen(deps, citizenOf(ctx).id)) };
  });

  router.post('/wechat-subscriptions', async (ctx) => {
    const input = parseInput(WechatSubscriptionsSchema, ctx.request.body);
    ctx.body = presentMe(deps.config, await recordSubscriptionGrants(deps, citizenOf(ctx).id, input.templateIds));
  });

  return router;
}
