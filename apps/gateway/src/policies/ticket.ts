// What a ticket's owner may do to it now, as one readable set of rules read by the commands (which
// enforce them atomically) and by the presenter (which shows the buttons): rate, withdraw, urge
// (催办) and ask for it to be handled again (申请重办).
import { isFinalStatus, type TicketStatus } from '@minhu/shared';
import type { Config } from '../config.js';
import type { TicketDoc } from '../models/ticket.js';

export interface Blocker {
  code: string;
  message: string;
}

/** Statuses in which the citizen's rating is invited. */
export function ratableStatuses(config: Config): TicketStatus[] {
  return config.rating.withoutCallback ? ['callback', 'replied'] : ['callback'];
}

const DAY_MS = 24 * 3600 * 1000;

/** This round's rating, if the citizen gave one. */
export function currentRating(ticket: TicketDoc) {
  return (ticket.ratings ?? []).find((r) => r.round === (ticket.round ?? 1)) ?? null;
}

/** Why the owner may not rate now, or null when they may. */
export function ratingBlocker(config: Config, ticket: TicketDoc, now: Date): Blocker | null {
  if (!ratableStatuses(config).includes(ticket.status as TicketStatus)) return { code: 'rating_not_open', message: '工单回访后才能评价' };
  if (currentRating(ticket)) return { code: 'already_rated', message: '本轮办理已评价过' };
  if (now.getTime() - new Date(ticket.statusAt).getTime() > config.rating.windowDays * DAY_MS) {
    return { code: 'rating_window_closed', message: `评价须在回访后 ${config.rating.windowDays} 天内完成` };
  }
  return null;
}

/** The owner may withdraw until the hotline accepts the ticket. */
export function withdrawBlocker(ticket: TicketDoc): Blocker | null {
  return ticket.status === 'submitted' ? null : { code: 'cannot_withdraw', message: '工单已受理，不能撤回；如需补充或取消，请联系 12345' };
}

/** China-time calendar day of a moment, YYYY-MM-DD (urges are counted per day there). */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/** 催办: an open ticket past its due time, once a day. */
export function urgeBlocker(ticket: TicketDoc, now: Date): Blocker | null {
  if (isFinalStatus(ticket.status as TicketStatus)) return { code: 'ticket_final', message: '工单已结束，无需催办' };
  if (!ticket.dueAt || new Date(ticket.dueAt) >= now) return { code: 'not_overdue', message: '工单尚在办理时限内，超过时限后可以催办' };
  if (ticket.lastUrgedDay === chinaDay(now)) return { code: 'already_urged_today', message: '今天已经催办过，请明天再试' };
  return null;
}

/** 申请重办: after a dissatisfied rating of this round, once per round, within the rating window. */
export function reopenRequestBlocker(config: Config, ticket: TicketDoc, now: Date): Blocker | null {
  const rating = currentRating(ticket);
  if (!rating || rating.satisfaction !== 'dissatisfied') return { code: 'reopen_not_open', message: '对办理结果评价“不满意”后才能申请重办' };
  if (!['replied', 'callback', 'closed'].includes(ticket.status)) return { code: 'reopen_not_open', message: '工单当前状态不能申请重办' };
  if ((ticket.reopenRequests ?? []).some((r) => r.round === (ticket.round ?? 1))) return { code: 'already_requested', message: '本轮办理已申请过重办' };
  if (now.getTime() - new Date(rating.at).getTime() > config.rating.windowDays * DAY_MS) {
    return { code: 'reopen_window_closed', message: `请在评价后 ${config.rating.windowDays} 天内申请重办` };
  }
  return null;
}
