// The guard of filing a ticket: the sign-in check and the spend of one of the citizen's filings of the
// day are one database command (commands/filing-quota.ts). Beyond the quota: 429. A request that does not
// end in a new ticket — refused, invalid, failed, or a replay answered with the ticket filed before —
// gives its filing back, so the count is the tickets filed today plus those in flight.
import type { Context, Next } from 'koa';
import { beyondFilingQuota, refundFiling, spendFiling } from '../commands/filing-quota.js';
import type { Deps } from '../deps.js';
import { citizenToken, SESSION_FIELDS, signedIn, type CitizenSession } from './auth.js';

export function requireCitizenFiling(deps: Deps) {
  return async (ctx: Context, next: Next) => {
    const token = await citizenToken(deps, ctx);
    const spent = await spendFiling<CitizenSession>(deps, token.sub, SESSION_FIELDS);
    let filed = false;
    try {
      ctx.state.citizen = signedIn(token, spent?.citizen ?? null);
      const beyond = beyondFilingQuota(deps, token.sub, spent!.spend);
      if (beyond) throw beyond;
      await next();
      filed = ctx.status === 201;
    } finally {
      if (spent && !filed) await refundFiling(deps, token.sub, spent.spend);
    }
  };
}
