// Citizen login: SMS one-time codes and WeChat mini-program codes.
import Router from '@koa/router';
import { OtpRequestSchema, OtpVerifySchema, WechatLoginSchema } from '@minhu/shared';
import { requestOtp } from '../../commands/request-otp.js';
import { signInWithWechat } from '../../commands/sign-in-with-wechat.js';
import { verifyOtp } from '../../commands/verify-otp.js';
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

  return router;
}
