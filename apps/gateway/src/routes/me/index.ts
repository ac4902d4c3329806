// The signed-in citizen's own account: profile, a callback number verified by SMS, and the WeChat
// subscribe-message grants the mini-program reports.
import Router from '@koa/router';
import { BindPhoneSchema, WechatSubscriptionsSchema } from '@minhu/shared';
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

  router.post('/wechat-subscriptions', async (ctx) => {
    const input = parseInput(WechatSubscriptionsSchema, ctx.request.body);
    ctx.body = presentMe(deps.config, await recordSubscriptionGrants(deps, citizenOf(ctx).id, input.templateIds));
  });

  return router;
}
