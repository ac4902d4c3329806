import { describe, expect, it } from 'vitest';
import { scorePercent, shownSuggestions } from './labels';

describe('dispatch labels', () => {
  it('shows a model probability as a whole percentage, clamped', () => {
    expect(scorePercent(0.823)).toBe('82%');
    expect(scorePercent(0.005)).toBe('1%');
    expect(scorePercent(1.2)).toBe('100%');
    expect(scorePercent(-0.1)).toBe('0%');
  });

  it('leaves out suggestions the model gives under 0.5 %', () => {
    const list = [
      { department: 'A', score: 0.7 },
      { department: 'B', score: 0.005 },
      { department: 'C', score: 0.0049 },
    ];
    expect(shownSuggestions(list).map((s) => s.department)).toEqual(['A', 'B']);
    expect(shownSuggestions([{ department: 'X', score: 0 }])).toEqual([]);
  });
});
