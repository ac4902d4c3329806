// Bearer-token guards. A citizen token never opens staff routes and vice versa (the JWT audience).
import type { Context, Next } from 'koa';
import { Types } from 'mongoose';
import type { Deps } from '../deps.js';
import { AppError, forbidden, unauthorized } from './errors.js';

export interface CitizenPrincipal {
  id: string;
}

export interface StaffPrincipal {
  id: string;
  name: string;
  role: 'operator' | 'admin';
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

export function requireCitizen(deps: Deps) {
  return async (ctx: Context, next: Next) => {
    const token = bearerToken(ctx);
    if (!token) throw unauthorized();
    const verified = await deps.tokens.verify(token, 'citizen');
    if (!verified || !/^[0-9a-f]{24}$/.test(verified.sub)) throw unauthorized('登录已过期，请重新登录');
    // One read decides: a merged account's tokens end with the merge, a signed-out or erased one's at once.
    const citizen = await deps.models.Citizen.findById(verified.sub, { mergedInto: 1, tokenVersion: 1, deletedAt: 1 }).lean<{
      mergedInto?: unknown;
      tokenVersion?: number;
      deletedAt?: Date | null;
    }>();
    if (!citizen || citizen.deletedAt) throw unauthorized('登录已过期，请重新登录');
    if (citizen.mergedInto) throw new AppError(401, 'account_merged', '您的账号已与同一手机号的账号合并，请重新登录');
    if ((verified.claims.tv ?? 0) !== (citizen.tokenVersion ?? 0)) throw new AppError(401, 'session_ended', '您已退出登录，请重新登录');
    ctx.state.citizen = { id: verified.sub };
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

/** Staff routes: a staff token of an enabled account with one of `roles`. */
export function requireStaff(deps: Deps, roles: Array<StaffPrincipal['role']> = ['operator', 'admin']) {
  return async (ctx: Context, next: Next) => {
    const token = bearerToken(ctx);
    if (!token) throw unauthorized('请先登录工作台');
    const verified = await deps.tokens.verify(token, 'staff');
    if (!verified || !Types.ObjectId.isValid(verified.sub)) throw unauthorized('登录已过期，请重新登录');
    const staff = await deps.models.Staff.findById(verified.sub, { name: 1, role: 1, disabled: 1, sessionVersion: 1 }).lean<{
      name: string;
      role: StaffPrincipal['role'];
      disabled?: boolean;
      sessionVersion?: number;
    }>();
    if (!staff || staff.disabled) throw unauthorized('账号已停用，请联系管理员');
    // A password reset ends the sessions signed in before it.
    if ((verified.claims.sv ?? 0) !== (staff.sessionVersion ?? 0)) throw unauthorized('密码已重置，请重新登录');
    if (!roles.includes(staff.role)) throw forbidden('没有权限');
    ctx.state.staff = { id: verified.sub, name: staff.name, role: staff.role };
    await next();
  };
}

export function staffOf(ctx: Context): StaffPrincipal {
  if (!ctx.state.staff) throw unauthorized();
  return ctx.state.staff;
}
