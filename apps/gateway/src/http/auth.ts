// Bearer-token guards. A citizen token never opens staff routes and vice versa (the JWT audience).
import type { Context, Next } from 'koa';
import type { StaffRole } from '@minhu/shared';
import { Types } from 'mongoose';
import type { AuditActor } from '../commands/audit.js';
import type { Deps } from '../deps.js';
import type { Actor } from '../policies/staff.js';
import { AppError, forbidden, unauthorized } from './errors.js';

export interface CitizenPrincipal {
  id: string;
  /** The verified phone, read with the token check (the callback number of a filing without one typed). */
  phone: string | null;
}

export interface StaffPrincipal {
  id: string;
  /** Sign-in name (what the audit log records). */
  username: string;
  /** Shown on the timeline. */
  name: string;
  role: StaffRole;
}

declare module 'koa' {
  interface DefaultState {
    citizen?: CitizenPrincipal;
    staff?: StaffPrincipal;
  }
}

export function bearerToken(ctx: Context): string | null {
  const header = ctx.get('authorization');
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
  return match ? match[1]! : null;
}

/** What the sign-in check reads of a citizen's account. */
export const SESSION_FIELDS = { mergedInto: 1, tokenVersion: 1, deletedAt: 1, phone: 1 } as const;

export interface CitizenSession {
  mergedInto?: unknown;
  tokenVersion?: number;
  deletedAt?: Date | null;
  phone?: string | null;
}

/** The citizen a bearer token was signed for, by its signature alone (401 without one). */
export async function citizenToken(deps: Deps, ctx: Context): Promise<{ sub: string; tv: number }> {
  const token = bearerToken(ctx);
  if (!token) throw unauthorized();
  const verified = await deps.tokens.verify(token, 'citizen');
  if (!verified || !/^[0-9a-f]{24}$/.test(verified.sub)) throw unauthorized('登录已过期，请重新登录');
  return { sub: verified.sub, tv: typeof verified.claims.tv === 'number' ? verified.claims.tv : 0 };
}

/**
 * The signed-in citizen, when the account read with the token still honours it: a merged account's tokens
 * end with the merge, a signed-out or erased one's at once.
 */
export function signedIn(token: { sub: string; tv: number }, citizen: CitizenSession | null): CitizenPrincipal {
  if (!citizen || citizen.deletedAt) throw unauthorized('登录已过期，请重新登录');
  if (citizen.mergedInto) throw new AppError(401, 'account_merged', '您的账号已与同一手机号的账号合并，请重新登录');
  if (token.tv !== (citizen.tokenVersion ?? 0)) throw new AppError(401, 'session_ended', '您已退出登录，请重新登录');
  return { id: token.sub, phone: citizen.phone ?? null };
}

export function requireCitizen(deps: Deps) {
  return async (ctx: Context, next: Next) => {
    const token = await citizenToken(deps, ctx);
    ctx.state.citizen = signedIn(token, await deps.models.Citizen.findById(token.sub, SESSION_FIELDS).lean<CitizenSession>());
    await next();
  };
}

/**
 * The citizen behind an optional token (anonymous routes such as chat): the signature is checked, a
 * missing or bad token is simply anonymous. No database read, so it costs a chat message nothing.
 */
export async function optionalCitizenId(deps: Deps, ctx: Context): Promise<string | undefined> {
  const token = bearerToken(ctx);
  if (!token) return undefined;
  const verified = await deps.tokens.verify(token, 'citizen');
  return verified && /^[0-9a-f]{24}$/.test(verified.sub) ? verified.sub : undefined;
}

/** The citizen a guarded route runs for. */
export function citizenOf(ctx: Context): CitizenPrincipal {
  if (!ctx.state.citizen) throw unauthorized();
  return ctx.state.citizen;
}

/** A rule of policies/staff.ts (canEditFaq, canManageStaff …) a staff route is guarded by. */
export type StaffRule = (actor: Actor & { kind: 'staff' }) => boolean;

/**
 * Staff routes: a staff token of an enabled account that passes `rule` when one is given (a function
 * of policies/staff.ts; 403 otherwise). Without one, any signed-in staff member.
 */
export function requireStaff(deps: Deps, rule?: StaffRule) {
  return async (ctx: Context, next: Next) => {
    const token = bearerToken(ctx);
    if (!token) throw unauthorized('请先登录工作台');
    const verified = await deps.tokens.verify(token, 'staff');
    if (!verified || !Types.ObjectId.isValid(verified.sub)) throw unauthorized('登录已过期，请重新登录');
    const staff = await deps.models.Staff.findById(verified.sub, { username: 1, name: 1, role: 1, disabled: 1, sessionVersion: 1 }).lean<{
      username: string;
      name: string;
      role: StaffRole;
      disabled?: boolean;
      sessionVersion?: number;
    }>();
    if (!staff || staff.disabled) throw unauthorized('账号已停用，请联系管理员');
    // A password reset ends the sessions signed in before it.
    if ((verified.claims.sv ?? 0) !== (staff.sessionVersion ?? 0)) throw unauthorized('密码已重置，请重新登录');
    ctx.state.staff = { id: verified.sub, username: staff.username, name: staff.name, role: staff.role };
    if (rule) ensureAllowed(ctx, rule);
    await next();
  };
}

/** One route of a staff router that needs more than being signed in: 403 unless `rule` allows. */
export function allowStaff(rule: StaffRule) {
  return async (ctx: Context, next: Next) => {
    ensureAllowed(ctx, rule);
    await next();
  };
}

function ensureAllowed(ctx: Context, rule: StaffRule): void {
  if (!rule(staffActor(ctx))) throw forbidden('没有权限');
}

export function staffOf(ctx: Context): StaffPrincipal {
  if (!ctx.state.staff) throw unauthorized();
  return ctx.state.staff;
}

/** The signed-in staff member as the policies see them. */
export function staffActor(ctx: Context): Actor & { kind: 'staff' } {
  const staff = staffOf(ctx);
  return { kind: 'staff', id: staff.id, role: staff.role };
}

/** The signed-in staff member as the audit log records them, with the client address. */
export function auditActorOf(ctx: Context): AuditActor {
  const staff = staffOf(ctx);
  return { staffId: staff.id, username: staff.username, role: staff.role, ip: ctx.ip };
}
