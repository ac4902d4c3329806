// Times are shown in China Standard Time whatever zone the browser is in.
import { describe, expect, it } from 'vitest';
import { chinaDay, dueText, formatDateTime, formatMinutes } from './time';

describe('time', () => {
  it('formats instants in Asia/Shanghai', () => {
    expect(formatDateTime('2026-11-02T16:30:00Z')).toBe('2026/11/03 00:30');
    expect(chinaDay('2026-11-02T16:30:00Z')).toBe('2026-11-03');
    expect(formatDateTime(null)).toBe('—');
  });

  it('says how overdue or how far off a deadline is', () => {
    const now = Date.parse('2026-11-03T00:00:00Z');
    expect(dueText('2026-11-02T21:30:00Z', now)).toEqual({ text: '超时 2 小时 30 分', overdue: true });
    expect(dueText('2026-11-05T01:00:00Z', now)).toEqual({ text: '剩余 2 天 1 小时', overdue: false });
    expect(formatMinutes(7)).toBe('7 分钟');
  });
});
