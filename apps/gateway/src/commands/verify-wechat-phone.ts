// WeChat's 手机号快速验证: the mini-program's getPhoneNumber code is exchanged through
// /wxa/business/getuserphonenumber for the number WeChat verified, which becomes the citizen's
// callback number (merging accounts when an H5 citizen already holds it).
import type { LoginResponse } from '@minhu/shared';
import type { Deps } from '../deps.js';
import { AppError, unprocessable } from '../http/errors.js';
import { WechatCodeError } from '../lib/wechat.js';
import { attachVerifiedPhone } from './attach-verified-phone.js';

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

export async function verifyWechatPhone(deps: Deps, citizenId: string, input: { code: string }): Promise<LoginResponse> {
  if (!deps.wechat.configured) throw new AppError(503, 'wechat_not_configured', '微信手机号验证暂未开通，请使用短信验证码');
  let phone;
  try {
    phone = await deps.wechat.phoneNumber(input.code);
  } catch (err) {
    if (err instanceof WechatCodeError) throw new AppError(401, 'invalid_phone_code', '手机号验证凭证无效或已使用，请重新点击获取');
    deps.logger.warn({ err }, 'getuserphonenumber failed');
    throw new AppError(502, 'wechat_unavailable', '微信服务暂时不可用，请稍后再试或使用短信验证码');
  }
  if (phone.countryCode !== '86' || !MAINLAND_MOBILE.test(phone.number)) {
    throw unprocessable('phone_not_mainland', '12345 热线只能回拨中国大陆手机号，请使用短信验证其他号码');
  }
  return attachVerifiedPhone(deps, citizenId, phone.number, 'wechat');
}
