// The per-conversation window: counts within a minute, refuses past the limit with the seconds left, starts over after.
import { describe, expect, it } from 'vitest';
import { spendConversationRate } from './conversation-rate.js';

const at = (s: number) => new Date(Date.UTC(2026, 11, 3, 8, 0, 0) + s * 1000);

describe('spendConversationRate', () => {
  it('opens a window on the first message', () => {
    expect(spendConversationRate(null, 2, at(0))).toEqual({ ok: true, next: { start: at(0), n: 1 } });
  });

  it('counts within the window and refuses past the limit with the seconds left', () => {
    const second = spendConversationRate({ start: at(0), n: 1 }, 2, at(10));
    expect(second).toEqual({ ok: true, next: { start: at(0), n: 2 } });
    expect(spendConversationRate({ start: at(0), n: 2 }, 2, at(15))).toEqual({ ok: false, retryAfterSeconds: 45 });
  });

  it('starts a new window a minute later', () => {
    expect(spendConversationRate({ start: at(0), n: 2 }, 2, at(60))).toEqual({ ok: true, next: { start: at(60), n: 1 } });
  });
});
