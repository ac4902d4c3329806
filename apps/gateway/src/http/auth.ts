// Bearer-token guards. A citizen token never opens staff routes and vice versa (the JWT audience).
import type { Context, Next } from 'koa';
import { Types } from 'mongoose';
import type { Deps } from '../deps.js';
import { forbidden, unauthorized } from './errors.js';

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
    // The signed token is enough: citizens are never deleted, and every query is scoped to this id.
    if (!verified || !/^[0-9a-f]{24}$/.test(verified.sub)) throw unauthorized('登录已过期，请重新登录');
    ctx.state.citizen = { id: verified.sub };
    await next();
  };
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
