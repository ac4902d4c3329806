// Sends a 6-digit login code by SMS, within the per-phone and per-IP limits.
import { createHmac, randomInt } from 'node:crypto';
import type { Deps } from '../deps.js';
import { AppError } from '../http/errors.js';
import { consume } from '../lib/limits.js';
import { SmsSendError } from '../lib/sms.js';

export function hashOtp(secret: string, phone: string, code: string): string {
  return createHmac('sha256', secret).update(`otp:${phone}:${code}`).digest('hex');
}

/** The provider's refusal as the citizen should hear it; the details go to the log, masked. */
function smsFailure(deps: Deps, err: unknown): AppError {
  const code = err instanceof SmsSendError ? err.code : 'unknown';
  deps.logger.warn({ err, smsCode: code }, 'SMS not sent');
  if (code === 'isv.MOBILE_NUMBER_ILLEGAL') return new AppError(400, 'invalid_phone', '该手机号无法接收短信，请检查号码');
  if (code === 'isv.BUSINESS_LIMIT_CONTROL' || code === 'isv.DAY_LIMIT_CONTROL') return new AppError(429, 'sms_rate_limited', '该手机号接收短信太频繁，请稍后再试');
  return new AppError(502, 'sms_unavailable', '短信发送失败，请稍后重试');
}

export async function requestOtp(deps: Deps, input: { phone: string; ip: string }): Promise<void> {
  const { limiters, config, models } = deps;
  await consume(limiters.otpPerIpHour, input.ip, '获取验证码太频繁，请稍后再试');
  await consume(limiters.otpPerPhoneMinute, input.phone, '验证码已发送，请 1 分钟后再试');
  await consume(limiters.otpPerPhoneDay, input.phone, '该手机号今日获取验证码次数已达上限');

  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(deps.now().getTime() + config.otp.ttlSeconds * 1000);
  // One live code per phone: a new request replaces the old one and resets the wrong-try count.
  await models.OtpCode.updateOne(
    { phone: input.phone },
    { $set: { codeHash: hashOtp(deps.secret, input.phone, code), attempts: 0, expiresAt } },
    { upsert: true },
  );
  const minutes = Math.round(config.otp.ttlSeconds / 60);
  try {
    await deps.sms.send({ kind: 'code', to: input.phone, code, text: `【民呼】您的登录验证码是 ${code}，${minutes} 分钟内有效。如非本人操作，请忽略本短信。` });
  } catch (err) {
    // Not sent: the code must not wait for a message that never comes.
    await models.OtpCode.deleteOne({ phone: input.phone });
    throw smsFailure(deps, err);
  }
}
