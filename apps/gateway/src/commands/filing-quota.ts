// How many tickets a citizen may file in a China calendar day (QUOTA_TICKETS_PER_DAY), counted on their
// own account. The sign-in check of a filing reads the account anyway, so spending one of the day's filings
// rides on that read: one database command for both, where a separate rate-limit document cost a second.
// The count is the day's filings plus those in flight: a request that does not end in a new ticket gives
// its filing back (http/filing-guard.ts).
import { chinaDate, endOfChinaDay } from '@minhu/shared/deadlines';
import { Types } from 'mongoose';
import type { Deps } from '../deps.js';
import { tooManyRequests, type AppError } from '../http/errors.js';
import { securityEvent } from '../lib/security-log.js';

/** One filing spent: the China day it counts against, and the day's count with it. */
export interface FilingSpend {
  day: string;
  count: number;
}

/**
 * Spends one filing of today on the citizen's account, returning the account's `fields` with the spend,
 * or null when there is no such account (nothing spent).
 */
export async function spendFiling<T extends object>(
  deps: Pick<Deps, 'models' | 'now'>,
  citizenId: string,
  fields: Record<string, 1>,
): Promise<{ citizen: T; spend: FilingSpend } | null> {
  const day = chinaDate(deps.now());
  const doc = await deps.models.Citizen.collection.findOneAndUpdate(
    { _id: new Types.ObjectId(citizenId) },
    // An update pipeline, so one atomic write covers both cases: today's count goes up by one, another
    // day's (or none) starts again at one.
    [{ $set: { filingQuota: { $cond: [{ $eq: ['$filingQuota.day', day] }, { day, count: { $add: ['$filingQuota.count', 1] } }, { day, count: 1 }] } } }],
    { returnDocument: 'after', projection: { ...fields, filingQuota: 1 } },
  );
  if (!doc) return null;
  const { filingQuota, ...citizen } = doc as unknown as { filingQuota: FilingSpend };
  return { citizen: citizen as T, spend: filingQuota };
}

/** Gives a filing back (the request did not file a ticket). A failure only leaves the citizen one filing short today. */
export async function refundFiling(deps: Pick<Deps, 'models' | 'logger'>, citizenId: string, spend: FilingSpend): Promise<void> {
  await deps.models.Citizen.collection
    .updateOne({ _id: new Types.ObjectId(citizenId), 'filingQuota.day': spend.day, 'filingQuota.count': { $gt: 0 } }, { $inc: { 'filingQuota.count': -1 } })
    .catch((err) => deps.logger.warn({ err, citizenId }, 'could not give a filing back'));
}

/** The 429 for a spend beyond the day's quota (retry after China midnight), or null within it. */
export function beyondFilingQuota(deps: Pick<Deps, 'config' | 'logger' | 'now'>, citizenId: string, spend: FilingSpend): AppError | null {
  const perDay = deps.config.quotas.ticketsPerDay;
  if (spend.count <= perDay) return null;
  securityEvent(deps, 'quota_exceeded', { subject: citizenId, quota: 'tickets_per_day' });
  const untilMidnight = (endOfChinaDay(spend.day).getTime() + 1 - deps.now().getTime()) / 1000;
  return tooManyRequests(untilMidnight, `每天最多提交 ${perDay} 个工单，请明天再提交，紧急情况请拨打 12345`);
}
