// Staff accounts of the built-in back office: create (the CLI and /api/admin/staff share one
// validation), sign in (rate-limited), rename or change role, disable and enable, reset the password.
// Who may change which account is policies/staff.ts (accountChangeBlocker): an admin cannot disable or
// demote itself, so whoever acts remains an admin and nobody locks the office out.
import { CreateStaffSchema, type StaffRole, type UpdateStaff } from '@minhu/shared';
import { Types } from 'mongoose';
import type { RateLimiterMongo } from 'rate-limiter-flexible';
import type { Deps } from '../deps.js';
import { AppError, conflict, forbidden, notFound } from '../http/errors.js';
import { parseInput } from '../http/validate.js';
import { generatePassword, hashPassword, verifyPassword } from '../lib/passwords.js';
import type { StaffDoc } from '../models/staff.js';
import { consume } from '../lib/limits.js';
import { securityEvent } from '../lib/security-log.js';
import { accountChangeBlocker, type AccountChange, type Actor } from '../policies/staff.js';

/** Creates an account with a generated password, returned once (only its hash is stored). */
export async function addStaff(
  deps: Pick<Deps, 'models'>,
  input: { username: string; role: StaffRole; name?: string },
): Promise<{ password: string; staff: StaffDoc }> {
  const valid = parseInput(CreateStaffSchema, input);
  const password = generatePassword();
  try {
    const doc = await deps.models.Staff.create({
      username: valid.username,
      name: valid.name ?? valid.username,
      role: valid.role,
      passwordHash: await hashPassword(password),
    });
    return { password, staff: doc.toObject() as StaffDoc };
  } catch (err) {
    if ((err as { code?: number }).code === 11000) throw conflict('staff_exists', `用户名「${valid.username}」已存在`, { username: valid.username });
    throw err;
  }
}

export async function listStaff(deps: Deps): Promise<StaffDoc[]> {
  return deps.models.Staff.find({}).sort({ disabled: 1, role: 1, username: 1 }).lean<StaffDoc[]>();
}

async function findStaff(deps: Deps, id: string): Promise<StaffDoc> {
  const doc = Types.ObjectId.isValid(id) && /^[0-9a-f]{24}$/i.test(id) ? await deps.models.Staff.findById(id).lean<StaffDoc>() : null;
  if (!doc) throw notFound('账号不存在');
  return doc;
}

/** The account, after checking the actor may make this change to it (403 / 409 otherwise). */
async function changeableStaff(deps: Deps, actor: Actor, id: string, change: AccountChange): Promise<StaffDoc> {
  const target = await findStaff(deps, id);
  const blocker = accountChangeBlocker(actor, { id: target._id.toString(), role: target.role }, change);
  if (blocker?.code === 'forbidden') throw forbidden(blocker.message);
  if (blocker) throw conflict(blocker.code, blocker.message);
  return target;
}

export async function updateStaff(deps: Deps, actor: Actor, id: string, input: UpdateStaff): Promise<StaffDoc> {
  await changeableStaff(deps, actor, id, { kind: 'update', role: input.role });
  const doc = await deps.models.Staff.findByIdAndUpdate(id, { $set: input }, { returnDocument: 'after' }).lean<StaffDoc>();
  if (!doc) throw notFound('账号不存在');
  return doc;
}

/** Disabling ends the account's sessions at once (every staff request checks the account). */
export async function setStaffDisabled(deps: Deps, actor: Actor, id: string, disabled: boolean): Promise<StaffDoc> {
  await changeableStaff(deps, actor, id, { kind: disabled ? 'disable' : 'enable' });
  const doc = await deps.models.Staff.findByIdAndUpdate(id, { $set: { disabled } }, { returnDocument: 'after' }).lean<StaffDoc>();
  if (!doc) throw notFound('账号不存在');
  return doc;
}

/** A new generated password, returned once; sessions signed in with the old one stop working. */
export async function resetStaffPassword(deps: Deps, actor: Actor, id: string): Promise<{ password: string; staff: StaffDoc }> {
  await changeableStaff(deps, actor, id, { kind: 'reset_password' });
  const password = generatePassword();
  const doc = await deps.models.Staff.findByIdAndUpdate(
    id,
    { $set: { passwordHash: await hashPassword(password) }, $inc: { sessionVersion: 1 } },
    { returnDocument: 'after' },
  ).lean<StaffDoc>();
  if (!doc) throw notFound('账号不存在');
  return { password, staff: doc };
}

// A hash to verify against for unknown users, so a miss costs the same time as a wrong password.
let decoyHash: Promise<string> | null = null;

export async function staffSignIn(
  deps: Deps,
  limiter: RateLimiterMongo,
  input: { username: string; password: string; ip: string },
): Promise<{ token: string; expiresAt: string; staff: { username: string; name: string; role: string } }> {
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
  const ttl = deps.config.staff.tokenTtlSeconds;
  const token = await deps.tokens.issue(staff._id.toString(), 'staff', { role: staff.role, name: staff.name, sv: staff.sessionVersion ?? 0 }, ttl);
  await deps.models.Staff.updateOne({ _id: staff._id }, { $set: { lastSignInAt: new Date() } });
  return { token, expiresAt: new Date(Date.now() + ttl * 1000).toISOString(), staff: { username: staff.username, name: staff.name, role: staff.role } };
}
