// Bearer-token guards. A citizen token never opens staff routes and vice versa (the JWT audience).
import type { Context, Next } from 'koa';
import { Types } from 'mongoose';
import type { Deps } from '../deps.js';
import { unauthorized } from './errors.js';

export interface CitizenPrincipal {
  id: string;
  phone: string | null;
}

declare module 'koa' {
  interface DefaultState {
    citizen?: CitizenPrincipal;
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
    if (!verified || !Types.ObjectId.isValid(verified.sub)) throw unauthorized('登录已过期，请重新登录');
    const citizen = await deps.models.Citizen.findById(verified.sub, { phone: 1 }).lean<{ phone?: string }>();
    if (!citizen) throw unauthorized('登录已过期，请重新登录');
    ctx.state.citizen = { id: verified.sub, phone: citizen.phone ?? null };
    await next();
  };
}

/** The citizen a guarded route runs for. */
export function citizenOf(ctx: Context): CitizenPrincipal {
  if (!ctx.state.citizen) throw unauthorized();
  return ctx.state.citizen;
}
