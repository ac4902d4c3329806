// Citizen login: SMS one-time codes and WeChat mini-program codes, and WeChat phone verification.
import Router from '@koa/router';
import { OtpRequestSchema, OtpVerifySchema, WechatLoginSchema, WechatPhoneSchema } from '@minhu/shared';
import { endCitizenSessions } from '../../commands/citizen-token.js';
import { requestOtp } from '../../commands/request-otp.js';
import { signInWithWechat } from '../../commands/sign-in-with-wechat.js';
import { verifyOtp } from '../../commands/verify-otp.js';
import { verifyWechatPhone } from '../../commands/verify-wechat-phone.js';
import { citizenOf, requireCitizen } from '../../http/auth.js';
import type { Deps } from '../../deps.js';
import { parseInput } from '../../http/validate.js';

export function authRouter(deps: Deps) {
  const router = new Router({ prefix: '/api/auth' });

  router.post('/otp/request', async (ctx) => {
    const input = parseInput(OtpRequestSchema, ctx.request.body);
    await requestOtp(deps, { phone: input.phone, ip: ctx.ip });
    ctx.status = 204;
  });

  router.post('/otp/verify', async (ctx) => {
    const input = parseInput(OtpVerifySchema, ctx.request.body);
    ctx.body = await verifyOtp(deps, input);
  });

  router.post('/wechat', async (ctx) => {
    const input = parseInput(WechatLoginSchema, ctx.request.body);
    ctx.body = await signInWithWechat(deps, input);
  });

  // 手机号快速验证: the signed-in mini-program citizen's callback number, verified by WeChat.
  router.post('/wechat/phone', requireCitizen(deps), async (ctx) => {
    const input = parseInput(WechatPhoneSchema, ctx.request.body);
    ctx.body = await verifyWechatPhone(deps, citizenOf(ctx).id, input);
  });

  // Sign-out: every token of this citizen stops working at once.
  router.post('/logout', requireCitizen(deps), async (ctx) => {
    await endCitizenSessions(deps, citizenOf(ctx).id);
    ctx.status = 204;
  });

  return router;
}
