// Recently used conversation contexts, kept in this process so a chat turn costs one database write
// instead of a read and a write. Every write is conditional on the turn counter, so a context that
// another process moved on is detected and re-read (see answer-chat-message.ts).
import type { ConversationRate } from './conversation-rate.js';
import type { UnhelpfulStreak } from './unhelpful-streak.js';

export interface CachedConversation {
  context: unknown;
  turn: number;
  /** The channel it began on: it answers there only. */
  channel: string;
  /** The per-conversation rate window as of `turn`. */
  rate: ConversationRate | null;
  /** The unhelpful streak as of `turn` (a rating of the latest answer bumps `turn` too). */
  unhelpful: UnhelpfulStreak | null;
}

export class ConversationCache {
  private readonly map = new Map<string, CachedConversation & { at: number }>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly ttlMs = 30 * 60 * 1000,
  ) {}

  get(id: string): CachedConversation | undefined {
    const hit = this.map.get(id);
    if (!hit) return undefined;
    if (Date.now() - hit.at > this.ttlMs) {
      this.map.delete(id);
      return undefined;
    }
    return hit;
  }

  set(id: string, value: CachedConversation): void {
    this.map.delete(id); // re-insert: Map order is the LRU order
    this.map.set(id, { ...value, at: Date.now() });
    if (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value!);
  }

  delete(id: string): void {
    this.map.delete(id);
  }
}
