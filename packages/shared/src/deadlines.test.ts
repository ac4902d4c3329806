import { describe, expect, it } from 'vitest';
import { addWorkingDays, chinaDate, computeDeadlines, createWorkCalendar } from './deadlines.js';

const cal = createWorkCalendar();
const at = (iso: string) => new Date(iso);

describe('working-day deadlines on China’s official calendar', () => {
  it('counts from the next working day and ends at the end of the China day', () => {
    // Monday 2026-11-23 10:00 CST → 1 working day → end of Tuesday 24th CST.
    const due = addWorkingDays(at('2026-11-23T02:00:00Z'), 1, cal);
    expect(due.toISOString()).toBe('2026-11-24T15:59:59.999Z');
    expect(chinaDate(due)).toBe('2026-11-24');
  });

  it('skips weekends', () => {
    // Friday 2026-11-27 → Monday 30th.
    expect(chinaDate(addWorkingDays(at('2026-11-27T03:00:00Z'), 1, cal))).toBe('2026-11-30');
  });

  it('skips the National Day holiday and counts the make-up working Saturday (调休)', () => {
    // 2026 National Day: Oct 1–7 off; Saturday Oct 10 is a make-up working day.
    expect(cal.isWorkday('2026-10-05')).toBe(false);
    expect(cal.isWorkday('2026-10-10')).toBe(true);
    // Filed Wed 2026-09-30 → 1 working day → Thu Oct 8.
    expect(chinaDate(addWorkingDays(at('2026-09-30T04:00:00Z'), 1, cal))).toBe('2026-10-08');
    // Filed Thu Oct 8 → 4 working days: Fri 9, Sat 10 (调休), Mon 12, Tue 13.
    expect(chinaDate(addWorkingDays(at('2026-10-08T04:00:00Z'), 4, cal))).toBe('2026-10-13');
  });

  it('uses the China date, not UTC, for the filing day', () => {
    // 2026-11-23 23:30 CST is still Monday in China although 15:30 UTC.
    expect(chinaDate(addWorkingDays(at('2026-11-23T15:30:00Z'), 1, cal))).toBe('2026-11-24');
    // 2026-11-24 00:30 CST is Tuesday in China (Monday 16:30 UTC).
    expect(chinaDate(addWorkingDays(at('2026-11-23T16:30:00Z'), 1, cal))).toBe('2026-11-25');
  });

  it('lets a city override holidays and working days', () => {
    const city = createWorkCalendar({ holidays: ['2026-11-24'], workdays: ['2026-11-29'] });
    expect(chinaDate(addWorkingDays(at('2026-11-23T02:00:00Z'), 1, city))).toBe('2026-11-25');
    expect(city.isWorkday('2026-11-29')).toBe(true);
  });

  it('gives consultations 1 working day, other kinds 4, urgent help 30 min / 1 h / 2 days', () => {
    const filed = at('2026-11-23T02:00:00Z');
    expect(chinaDate(computeDeadlines('consult', false, filed, cal).dueAt)).toBe('2026-11-24');
    const complaint = computeDeadlines('complaint', false, filed, cal);
    expect(chinaDate(complaint.dueAt)).toBe('2026-11-27');
    expect(chinaDate(complaint.milestones.acceptBy)).toBe('2026-11-24');
    expect(chinaDate(complaint.milestones.feedbackBy)).toBe('2026-11-26');
    expect(chinaDate(complaint.milestones.reviewBy)).toBe('2026-11-27');
    expect(chinaDate(complaint.milestones.closeBy)).toBe('2026-11-30');
    const urgent = computeDeadlines('help', true, filed, cal);
    expect(urgent.urgent?.contactBy.toISOString()).toBe('2026-11-23T02:30:00.000Z');
    expect(urgent.urgent?.onSiteBy.toISOString()).toBe('2026-11-23T03:00:00.000Z');
    expect(chinaDate(urgent.dueAt)).toBe('2026-11-25');
  });
});
