// The unhelpful streak of one conversation, kept in its document: an answer that found nothing, or one the citizen
// rated 没用, is an unhelpful turn; after two in a row the bot offers a person (拨打12345 / 留言给人工). A found
// answer is not unhelpful until rated so, which is why the run before the latest answer is kept too: 没用 on an
// answer that followed a 没用 makes two in a row. 有用 starts the count again.
import type { ChatAnswer } from '../chat/engine.js';

type Answer = Pick<ChatAnswer, 'intent' | 'faqId' | 'situation'>;

/** Stored in the conversation document with every answer and every rating of the latest answer. */
export interface UnhelpfulStreak {
  /** The conversation's latest bot answer. */
  messageId: string;
  /** Unhelpful turns in a row just before it. */
  before: number;
  /** Whether it is unhelpful itself: it found nothing, or the citizen rated it 没用. */
  unhelpful: boolean;
}

/** Unhelpful turns in a row after which the bot offers a person. */
export const HANDOFF_AFTER = 2;

/** Unhelpful turns in a row, ending at the latest answer. */
export function streakLength(s: UnhelpfulStreak | null | undefined): number {
  return s?.unhelpful ? s.before + 1 : 0;
}

export const offersHandoff = (s: UnhelpfulStreak | null | undefined): boolean => streakLength(s) >= HANDOFF_AFTER;

/** An answer that offers a person at once: a question about a public matter none of our categories covers. */
export const offersPersonAtOnce = (answer: Pick<ChatAnswer, 'situation'>): boolean => answer.situation === 'public question without a subject';

/**
 * An answer that found nothing: a clarify question, an out-of-scope reply (not the greeting's introduction), or a
 * category's list instead of an answer.
 */
export function foundNothing(answer: Answer): boolean {
  // 你好 gets an introduction: nothing was looked for, so nothing failed.
  if (answer.intent === 'out_of_scope') return answer.situation !== 'greeting';
  return answer.intent === 'clarify' || (answer.intent === 'consult' && !answer.faqId);
}

/** The streak once a new answer is given. */
export function afterAnswer(previous: UnhelpfulStreak | null | undefined, messageId: string, answer: Answer): UnhelpfulStreak {
  return { messageId, before: streakLength(previous), unhelpful: foundNothing(answer) };
}

/** The streak once the citizen rates the latest answer: 没用 counts it (once), 有用 starts over. */
export function afterFeedback(current: UnhelpfulStreak, helpful: boolean): UnhelpfulStreak {
  return helpful ? { ...current, before: 0, unhelpful: false } : { ...current, unhelpful: true };
}
