// Sends a 6-digit login code by SMS, within the per-phone and per-IP limits.
import { createHmac, randomInt } from 'node:crypto';
import type { Deps } from '../deps.js';
import { consume } from '../lib/limits.js';

export function hashOtp(secret: string, phone: string, code: string): string {
  return createHmac('sha256', secret).update(`otp:${phone}:${code}`).digest('hex');
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
  await deps.sms.send({
    to: input.phone,
    code,
    text: `【民呼】您的登录验证码是 ${code}，${minutes} 分钟内有效。如非本人操作，请忽略本短信。`,
  });
}
