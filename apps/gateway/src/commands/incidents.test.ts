import { describe, expect, it } from 'vitest';
import { pathTo } from './incidents.js';
import { publicSummary } from './nearby-incidents.js';

describe('pathTo (how a ticket follows its incident lead)', () => {
  it('walks the shortest way forward, never through rejection, withdrawal or reopening', () => {
    expect(pathTo('submitted', 'replied')).toEqual(['accepted', 'replied']);
    expect(pathTo('submitted', 'dispatched')).toEqual(['accepted', 'dispatched']);
    expect(pathTo('dispatched', 'closed')).toEqual(['replied', 'closed']);
    expect(pathTo('callback', 'closed')).toEqual(['closed']);
    expect(pathTo('closed', 'replied')).toBeNull();
    expect(pathTo('replied', 'replied')).toEqual([]);
  });
});

describe('publicSummary (what another citizen sees of a report)', () => {
  it('masks runs of digits and keeps the first 60 characters', () => {
    expect(publicSummary('我电话13800138000，门牌12号 302室漏水')).toBe('我电话***********，门牌12号 ***室漏水');
    expect(publicSummary('水'.repeat(80))).toBe(`${'水'.repeat(60)}…`);
  });
});
