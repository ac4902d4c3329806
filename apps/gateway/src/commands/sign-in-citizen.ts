// The shared end of both login flows: find or create the citizen, issue a citizen token.
import type { LoginResponse } from '@minhu/shared';
import type { Deps } from '../deps.js';
import { presentCitizen } from '../presenters/citizen.js';
import { issueCitizenToken } from './citizen-token.js';

export async function signInCitizen(deps: Deps, by: { phone: string } | { wechatOpenId: string; wechatUnionId?: string }): Promise<LoginResponse> {
  const now = deps.now();
  const filter = 'phone' in by ? { phone: by.phone } : { wechatOpenId: by.wechatOpenId };
  const set: Record<string, unknown> = { lastLoginAt: now };
  if ('wechatUnionId' in by && by.wechatUnionId) set.wechatUnionId = by.wechatUnionId;
  let citizen = null;
  // Two first logins at once race on the unique index: the loser gets a duplicate-key error (or,
  // on SecantusDB, no document) and simply tries again, finding the winner's citizen.
  for (let attempt = 0; attempt < 5 && !citizen; attempt++) {
    try {
      citizen = await deps.models.Citizen.findOneAndUpdate(filter, { $set: set }, { upsert: true, returnDocument: 'after', setDefaultsOnInsert: true });
    } catch (err) {
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  }
  if (!citizen) throw new Error('citizen upsert returned nothing');
  const token = await issueCitizenToken(deps, citizen);
  return { token, citizen: presentCitizen(citizen) };
}
