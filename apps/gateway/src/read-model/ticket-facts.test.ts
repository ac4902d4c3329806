// A ticket document reduced to its facts, and the statistics tally over facts.
import { describe, expect, it } from 'vitest';
import { statsOf, Tally } from '../commands/operator-stats.js';
import { factOf, isOverdue, type FactSource } from './ticket-facts.js';

const base: FactSource = {
  _id: { toString: () => '0123456789abcdef01234567' },
  number: 'MH20261102000001',
  status: 'submitted',
  kind: 'complaint',
  categoryId: 'noise',
  ownerDepartment: null,
  channel: 'h5',
  urgent: false,
  needsReview: false,
  description: 'Night WORK at the site 工地夜间施工',
  location: { address: '幸福路88号', street: ' 幸福街道 ' },
  createdAt: new Date('2026-11-01T16:30:00Z'), // 00:30 on 2 November in China
  updatedAt: new Date('2026-11-02T00:00:00Z'),
  statusAt: new Date('2026-11-01T16:30:00Z'),
  dueAt: new Date('2026-11-06T15:59:59.999Z'),
  timeline: [{ status: 'submitted', at: new Date('2026-11-01T16:30:00Z') }],
  ratings: [],
};

const worked = (over: Partial<FactSource>): FactSource => ({ ...base, ...over });

describe('factOf', () => {
  it('keeps what the console filters and counts on, filed on the China day', () => {
    const f = factOf(base);
    expect(f).toMatchObject({ id: '0123456789abcdef01234567', filedDay: '2026-11-02', street: '幸福街道', accepted: false, closedAt: null, satisfaction: null });
    expect(f.text).toContain('night work');
    expect(f.text).toContain('mh20261102000001');
    expect(isOverdue(f, Date.parse('2026-11-07T00:00:00Z'))).toBe(true);
    expect(isOverdue(factOf(worked({ status: 'closed' })), Date.parse('2026-11-07T00:00:00Z'))).toBe(false);
  });

  it('reads acceptance, reply, the callback’s reach, the last closing and the latest rating from the history', () => {
    const t = (status: string, iso: string, reached?: boolean) => ({ status, at: new Date(iso), ...(reached === undefined ? {} : { reached }) });
    const f = factOf(
      worked({
        status: 'closed',
        timeline: [t('submitted', '2026-11-02T00:00:00Z'), t('accepted', '2026-11-02T01:00:00Z'), t('replied', '2026-11-03T00:00:00Z'), t('callback', '2026-11-03T02:00:00Z', false), t('closed', '2026-11-03T03:00:00Z'), t('reopened', '2026-11-04T00:00:00Z'), t('closed', '2026-11-05T00:00:00Z')],
        ratings: [{ satisfaction: 'dissatisfied', at: new Date('2026-11-03T04:00:00Z') }, { satisfaction: 'basically_satisfied', at: new Date('2026-11-05T01:00:00Z') }],
      }),
    );
    expect(f).toMatchObject({ accepted: true, replied: true, calledBack: false, closedAt: Date.parse('2026-11-05T00:00:00Z'), satisfaction: 'basically_satisfied' });
  });
});

describe('statistics', () => {
  it('divides by the right counts and leaves empty ratios null', () => {
    expect(new Tally().metrics()).toMatchObject({ filed: 0, completionRate: null, onTimeRate: null, callbackRate: null, satisfactionRate: null, avgHandlingHours: null });
    const closedLate = factOf(worked({ status: 'closed', timeline: [{ status: 'accepted', at: new Date('2026-11-02T00:00:00Z') }, { status: 'replied', at: new Date('2026-11-02T00:00:00Z') }, { status: 'callback', at: new Date('2026-11-02T00:00:00Z') }, { status: 'closed', at: new Date('2026-11-08T16:30:00Z') }], ratings: [{ satisfaction: 'satisfied' }] }));
    const open = factOf(worked({ timeline: [{ status: 'accepted', at: new Date('2026-11-02T00:00:00Z') }] }));
    const s = statsOf([closedLate, open], { from: '2026-11-02', to: '2026-11-03' });
    expect(s.totals).toMatchObject({ filed: 2, accepted: 2, closed: 1, closedOnTime: 0, replied: 1, calledBack: 1, rated: 1, satisfied: 1, completionRate: 0.5, onTimeRate: 0, callbackRate: 1, satisfactionRate: 1, avgHandlingHours: 168 });
    expect(s.daily.map((d) => [d.date, d.filed])).toEqual([['2026-11-02', 2], ['2026-11-03', 0]]);
    expect(statsOf([closedLate], { from: '2026-11-03', to: '2026-11-03' }).totals.filed).toBe(0);
  });
});
