// Mini-program login: exchange the wx.login code for an openid (code2Session), then sign in.
import type { LoginResponse } from '@minhu/shared';
import type { Deps } from '../deps.js';
import { AppError } from '../http/errors.js';
import { WechatCodeError } from '../lib/wechat.js';
import { signInCitizen } from './sign-in-citizen.js';

export async function signInWithWechat(deps: Deps, input: { code: string }): Promise<LoginResponse> {
  if (!deps.wechat.configured) throw new AppError(503, 'wechat_not_configured', '微信登录暂未开通，请使用手机号登录');
  let session;
  try {
    session = await deps.wechat.code2Session(input.code);
  } catch (err) {
    if (err instanceof WechatCodeError) throw new AppError(401, 'invalid_wechat_code', '微信登录凭证无效或已过期，请重试');
    deps.logger.warn({ err }, 'code2Session failed');
    throw new AppError(502, 'wechat_unavailable', '微信服务暂时不可用，请稍后再试');
  }
  return signInCitizen(deps, { wechatOpenId: session.openid, wechatUnionId: session.unionid });
}
