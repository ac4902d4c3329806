// Checks an SMS code: 5 wrong tries or expiry void it; a right code is used up and signs the citizen
// in (H5) or verifies a signed-in citizen's callback number (either target).
import { timingSafeEqual } from 'node:crypto';
import type { LoginResponse } from '@minhu/shared';
import type { Deps } from '../deps.js';
import { AppError } from '../http/errors.js';
import { hashOtp } from './request-otp.js';
import { attachVerifiedPhone } from './attach-verified-phone.js';
import { signInCitizen } from './sign-in-citizen.js';

const invalidCode = () => new AppError(401, 'invalid_code', '验证码错误或已过期，请重新获取');

/** Uses up a right code; throws 401 for a wrong, expired or exhausted one. */
async function consumeOtp(deps: Deps, input: { phone: string; code: string }): Promise<void> {
  const { OtpCode } = deps.models;
  const now = deps.now();
  // Count the try atomically before comparing, so parallel guesses cannot exceed the limit.
  const live = await OtpCode.findOneAndUpdate(
    { phone: input.phone, expiresAt: { $gt: now }, attempts: { $lt: deps.config.otp.maxAttempts } },
    { $inc: { attempts: 1 } },
    { returnDocument: 'after' },
  );
  if (!live) throw invalidCode();
  const expected = Buffer.from(live.codeHash, 'hex');
  const given = Buffer.from(hashOtp(deps.secret, input.phone, input.code), 'hex');
  if (!timingSafeEqual(expected, given)) {
    if (live.attempts >= deps.config.otp.maxAttempts) await OtpCode.deleteOne({ _id: live._id });
    throw invalidCode();
  }
  // Used once: only the request that deletes it signs in.
  const used = await OtpCode.deleteOne({ _id: live._id, codeHash: live.codeHash });
  if (used.deletedCount !== 1) throw invalidCode();
}

export async function verifyOtp(deps: Deps, input: { phone: string; code: string }): Promise<LoginResponse> {
  await consumeOtp(deps, input);
  return signInCitizen(deps, { phone: input.phone });
}

/** A signed-in citizen proves a phone by SMS: it becomes their verified number (merging accounts if needed). */
export async function bindPhoneBySms(deps: Deps, citizenId: string, input: { phone: string; code: string }): Promise<LoginResponse> {
  await consumeOtp(deps, input);
  return attachVerifiedPhone(deps, citizenId, input.phone, 'sms');
}
