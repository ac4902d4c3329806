/**
 * Time limits of a ticket (shared/domain/12345.md): consultations within 1 working day, others within
 * 4, urgent help 30 min / 1 h / 2 working days, and the "1345" milestones. Working days follow China's
 * official calendar (public holidays and make-up working weekends) with city overrides.
 * Imported from `@minhu/shared/deadlines` so the app bundle only pays for the calendar when it needs it.
 */
import chineseDays from 'chinese-days';
import type { TicketKind } from './tickets.js';

// The package is CommonJS for Node and ESM for bundlers: a default import works in both.
const officialIsWorkday = (ymd: string): boolean => chineseDays.isWorkday(ymd);

/** China Standard Time has no daylight saving: a fixed +08:00 offset. */
const CST_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

export interface CalendarOverrides {
  /** Extra days off (YYYY-MM-DD), e.g. next year's holidays before the package knows them. */
  holidays?: string[];
  /** Extra working days (YYYY-MM-DD), e.g. make-up working weekends. */
  workdays?: string[];
}

export interface WorkCalendar {
  isWorkday(ymd: string): boolean;
}

export function createWorkCalendar(overrides: CalendarOverrides = {}): WorkCalendar {
  const holidays = new Set(overrides.holidays ?? []);
  const workdays = new Set(overrides.workdays ?? []);
  return {
    isWorkday(ymd) {
      if (holidays.has(ymd)) return false;
      if (workdays.has(ymd)) return true;
      return officialIsWorkday(ymd);
    },
  };
}

/** The calendar date (YYYY-MM-DD) in China of an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last millisecond of a China calendar day, as an instant. */
export function endOfChinaDay(ymd: string): Date {
  return new Date(Date.parse(`${ymd}T00:00:00.000Z`) - CST_OFFSET_MS + DAY_MS - 1);
}

function nextDay(ymd: string): string {
  return new Date(Date.parse(`${ymd}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * End of the n-th working day after the day of `from` (the filing day itself does not count),
 * e.g. filed on Friday with n = 1 → end of Monday, unless Monday is a holiday.
 */
export function addWorkingDays(from: Date, n: number, calendar: WorkCalendar): Date {
  let day = chinaDate(from);
  let left = n;
  while (left > 0) {
    day = nextDay(day);
    if (calendar.isWorkday(day)) left--;
  }
  return endOfChinaDay(day);
}

export const TIME_LIMITS = {
  consultWorkingDays: 1,
  ticketWorkingDays: 4,
  urgent: { contactMinutes: 30, onSiteMinutes: 60, doneWorkingDays: 2 },
  /** "1345": acceptance confirmed day 1, result fed back day 3, reviewed day 4, closed day 5. */
  milestones: { accept: 1, feedback: 3, review: 4, close: 5 },
} as const;

export interface TicketDeadlines {
  /** When the ticket must be answered / resolved. */
  dueAt: Date;
  /** "1345" milestones. */
  milestones: { acceptBy: Date; feedbackBy: Date; reviewBy: Date; closeBy: Date };
  /** Urgent help only: the fast-response clock. */
  urgent?: { contactBy: Date; onSiteBy: Date; doneBy: Date };
}

export function computeDeadlines(kind: TicketKind, urgent: boolean, filedAt: Date, calendar: WorkCalendar): TicketDeadlines {
  const m = TIME_LIMITS.milestones;
  const milestones = {
    acceptBy: addWorkingDays(filedAt, m.accept, calendar),
    feedbackBy: addWorkingDays(filedAt, m.feedback, calendar),
    reviewBy: addWorkingDays(filedAt, m.review, calendar),
    closeBy: addWorkingDays(filedAt, m.close, calendar),
  };
  if (urgent) {
    const u = TIME_LIMITS.urgent;
    const doneBy = addWorkingDays(filedAt, u.doneWorkingDays, calendar);
    return {
      dueAt: doneBy,
      milestones,
      urgent: {
        contactBy: new Date(filedAt.getTime() + u.contactMinutes * 60_000),
        onSiteBy: new Date(filedAt.getTime() + u.onSiteMinutes * 60_000),
        doneBy,
      },
    };
  }
  const days = kind === 'consult' ? TIME_LIMITS.consultWorkingDays : TIME_LIMITS.ticketWorkingDays;
  return { dueAt: addWorkingDays(filedAt, days, calendar), milestones };
}
