// Staff accounts of the built-in back office: create (CLI) and sign in (rate-limited).
import type { RateLimiterMongo } from 'rate-limiter-flexible';
import type { Deps } from '../deps.js';
import { AppError } from '../http/errors.js';
import { generatePassword, hashPassword, verifyPassword } from '../lib/passwords.js';
import type { StaffDoc, StaffRole } from '../models/staff.js';
import { consume } from '../lib/limits.js';
import { securityEvent } from '../lib/security-log.js';

export async function addStaff(deps: Deps, input: { username: string; role: StaffRole; name?: string }): Promise<{ password: string }> {
  if (!/^[A-Za-z0-9_.-]{2,50}$/.test(input.username)) throw new Error('username: 2–50 letters, digits or _.-');
  const password = generatePassword();
  try {
    await deps.models.Staff.create({ username: input.username, name: input.name ?? input.username, role: input.role, passwordHash: await hashPassword(password) });
  } catch (err) {
    if ((err as { code?: number }).code === 11000) throw new Error(`staff user "${input.username}" already exists`);
    throw err;
  }
  return { password };
}

// A hash to verify against for unknown users, so a miss costs the same time as a wrong password.
let decoyHash: Promise<string> | null = null;

export async function staffSignIn(deps: Deps, limiter: RateLimiterMongo, input: { username: string; password: string; ip: string }): Promise<{ token: string; staff: { username: string; name: string; role: string } }> {
  await consume(limiter, `${input.username}|${input.ip}`, '登录尝试过多，请稍后再试');
  // Also per account from any address: rotating addresses does not buy more guesses.
  await consume(deps.limiters.staffLoginPerUser, input.username.toLowerCase(), '该账号登录尝试过多，请 15 分钟后再试');
  const staff = await deps.models.Staff.findOne({ username: input.username }).lean<StaffDoc>();
  decoyHash ??= hashPassword(generatePassword());
  const ok = await verifyPassword(staff?.passwordHash ?? (await decoyHash), input.password);
  if (!staff || !ok || staff.disabled) {
    securityEvent(deps, 'staff_login_failed', { ip: input.ip, subject: input.username, reason: !staff ? 'unknown_user' : staff.disabled ? 'disabled' : 'wrong_password' });
    throw new AppError(401, 'invalid_credentials', '用户名或密码错误');
  }
  const token = await deps.tokens.issue(staff._id.toString(), 'staff', { role: staff.role, name: staff.name }, deps.config.staff.tokenTtlSeconds);
  return { token, staff: { username: staff.username, name: staff.name, role: staff.role } };
}
