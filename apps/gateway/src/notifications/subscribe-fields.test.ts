// WeChat's field rules for subscribe messages: every value we send must fit its type.
import { describe, expect, it } from 'vitest';
import { characterString, phrase, thing, time } from './subscribe-fields.js';

describe('subscribe-message values', () => {
  it('thing: at most 20 characters, cut with “…”', () => {
    expect(thing('已转区住房和城乡建设局办理')).toBe('已转区住房和城乡建设局办理');
    const long = thing('原因：经核实该诉求属于司法程序处理范围，请通过法院解决');
    expect(Array.from(long)).toHaveLength(20);
    expect(long.endsWith('…')).toBe(true);
    expect(Array.from(thing('😀'.repeat(30)))).toHaveLength(20); // counted in characters, not UTF-16 units
  });

  it('phrase: at most 5 Chinese characters and nothing else', () => {
    expect(phrase('不予受理')).toBe('不予受理');
    expect(phrase('回访中 (callback)')).toBe('回访中');
    expect(phrase('已经重新开始办理')).toBe('已经重新开');
  });

  it('character_string: at most 32 of [A-Za-z0-9_-.:#]', () => {
    expect(characterString('MH20261203000123')).toBe('MH20261203000123');
    expect(characterString('工单 MH-1/2')).toBe('MH-12');
    expect(characterString('x'.repeat(40))).toHaveLength(32);
  });

  it('time: China time as WeChat shows it', () => {
    expect(time(new Date('2026-12-03T07:05:00Z'))).toBe('2026年12月3日 15:05');
    expect(time(new Date('2026-12-31T16:30:00Z'))).toBe('2027年1月1日 00:30');
  });
});
