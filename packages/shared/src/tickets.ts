/**
 * Ticket kinds, statuses and the one transition table of the 12345 workflow
 * (受理—派单—办理—督办—回访—评价, shared/domain/12345.md).
 */
import { z } from 'zod';

export const TICKET_KINDS = ['consult', 'complaint', 'help', 'report', 'suggestion', 'praise'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];
export const TicketKindSchema = z.enum(TICKET_KINDS);
export const TICKET_KIND_LABELS: Record<TicketKind, string> = {
  consult: '咨询',
  complaint: '投诉',
  help: '求助',
  report: '举报',
  suggestion: '建议',
  praise: '表扬',
};

export const TICKET_STATUSES = [
  'submitted',
  'accepted',
  'dispatched',
  'replied',
  'callback',
  'closed',
  'rejected',
  'withdrawn',
  'reopened',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TicketStatusSchema = z.enum(TICKET_STATUSES);
export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  submitted: '已提交',
  accepted: '已受理',
  dispatched: '已派单',
  replied: '已答复',
  callback: '回访中',
  closed: '已办结',
  rejected: '不予受理',
  withdrawn: '已撤回',
  reopened: '重办',
};

/**
 * Allowed moves. A reopened ticket is worked again by the department that owns it
 * (首接负责制), so it goes back to dispatched or straight to replied.
 * replied → closed covers cities that close without a callback call.
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  submitted: ['accepted', 'rejected', 'withdrawn'],
  accepted: ['dispatched', 'replied', 'rejected'],
  dispatched: ['replied'],
  replied: ['callback', 'closed', 'reopened'],
  callback: ['closed', 'reopened'],
  reopened: ['dispatched', 'replied'],
  closed: ['reopened'],
  rejected: [],
  withdrawn: [],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to);
}

/** Statuses in which the hotline no longer works the ticket. */
export const FINAL_STATUSES: readonly TicketStatus[] = ['closed', 'rejected', 'withdrawn'];

export function isFinalStatus(status: TicketStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** Media limits per ticket and per file, enforced by the API and shown by the app. */
export const MEDIA_LIMITS = {
  image: {
    maxPerTicket: 9,
    maxBytes: 10 * 1024 * 1024,
    contentTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const,
  },
  video: {
    maxPerTicket: 3,
    maxBytes: 100 * 1024 * 1024,
    contentTypes: ['video/mp4', 'video/quicktime'] as const,
  },
} as const;
export type MediaKind = keyof typeof MEDIA_LIMITS;

/** Where a ticket came from. */
export const TICKET_CHANNELS = ['miniprogram', 'h5', 'official-account', 'api'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];
export const TicketChannelSchema = z.enum(TICKET_CHANNELS);
export const TICKET_CHANNEL_LABELS: Record<TicketChannel, string> = {
  miniprogram: '微信小程序',
  h5: 'H5 网页',
  'official-account': '微信公众号',
  api: '开放接口',
};

/** The citizen's verdict after the callback (回访评价). */
export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const SatisfactionSchema = z.enum(SATISFACTIONS);
export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

/** Statuses in which the hotline still works the ticket. */
export const OPEN_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter((s) => !FINAL_STATUSES.includes(s));
