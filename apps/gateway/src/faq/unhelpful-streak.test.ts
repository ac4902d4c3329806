// Two unhelpful turns in a row — two 没用, two answers that found nothing, or one of each — offer a person; a found
// answer between two that found nothing, or a 有用, breaks the run.
import { describe, expect, it } from 'vitest';
import { afterAnswer, afterFeedback, foundNothing, offersHandoff, streakLength, type UnhelpfulStreak } from './unhelpful-streak.js';

const found = { intent: 'consult' as const, faqId: 'housing-fund-01', situation: 'consult' as const };
const nothing = { intent: 'out_of_scope' as const, situation: 'no subject' as const };
const turns = (...steps: Array<typeof found | typeof nothing | 'useful' | 'useless'>): UnhelpfulStreak | null => {
  let s: UnhelpfulStreak | null = null;
  steps.forEach((step, i) => {
    if (step === 'useful' || step === 'useless') s = afterFeedback(s!, step === 'useful');
    else s = afterAnswer(s, `m${i}`, step);
  });
  return s;
};

describe('unhelpful streak', () => {
  it('counts answers that found nothing: clarify, out of scope, a category list without an answer', () => {
    expect(foundNothing({ intent: 'clarify', situation: 'ambiguous' })).toBe(true);
    expect(foundNothing(nothing)).toBe(true);
    expect(foundNothing({ intent: 'consult', situation: 'consult' })).toBe(true);
    expect(foundNothing(found)).toBe(false);
    expect(foundNothing({ intent: 'complaint', situation: 'complaint' })).toBe(false);
    expect(foundNothing({ intent: 'emergency', situation: 'emergency' })).toBe(false);
    // 你好 gets an introduction: nothing was looked for, so nothing failed.
    expect(foundNothing({ intent: 'out_of_scope', situation: 'greeting' })).toBe(false);
  });

  it('offers a person after two unhelpful turns in a row, of either kind', () => {
    expect(offersHandoff(turns(nothing))).toBe(false);
    expect(offersHandoff(turns(nothing, nothing))).toBe(true);
    expect(offersHandoff(turns(found, 'useless'))).toBe(false);
    expect(offersHandoff(turns(found, 'useless', found))).toBe(false);
    expect(offersHandoff(turns(found, 'useless', found, 'useless'))).toBe(true);
    expect(offersHandoff(turns(found, 'useless', nothing))).toBe(true);
    expect(offersHandoff(turns(nothing, found, 'useless'))).toBe(true);
  });

  it('counts 没用 on an answer that found nothing once', () => {
    expect(streakLength(turns(nothing, 'useless'))).toBe(1);
    expect(offersHandoff(turns(nothing, 'useless'))).toBe(false);
  });

  it('starts over on a helpful turn', () => {
    expect(offersHandoff(turns(nothing, found, nothing))).toBe(false);
    expect(offersHandoff(turns(found, 'useless', found, 'useful', found, 'useless'))).toBe(false);
    expect(streakLength(turns(nothing, nothing, 'useful'))).toBe(0);
    expect(offersHandoff(turns(nothing, 'useful', nothing))).toBe(false);
  });
});
