// The conversation on the home page as a pure reducer: questions go sending → sent or failed (with
// a resend), answers carry their feedback state. Saved locally so a reload keeps the conversation.
import type { ChatHandoff, ChatMessageResponse } from '@minhu/shared';

export type UserItem = { id: string; role: 'user'; text: string; status: 'sending' | 'sent' | 'failed'; error?: string };
export type BotItem = {
  id: string;
  role: 'bot';
  /** The question this answers (prefills a report when the answer did not help). */
  question: string;
  reply: ChatMessageResponse;
  feedback: 'none' | 'sending' | 'helpful' | 'unhelpful';
  feedbackError?: string;
  /** A way to a person offered when this answer was rated 没用 (the second unhelpful turn in a row). */
  handoff?: ChatHandoff;
};
export type ChatItem = UserItem | BotItem;

export interface ChatState {
  conversationId?: string;
  items: ChatItem[];
}

export type ChatAction =
  | { type: 'ask'; id: string; text: string }
  | { type: 'answered'; id: string; reply: ChatMessageResponse }
  | { type: 'failed'; id: string; error: string }
  | { type: 'resend'; id: string }
  | { type: 'feedback'; id: string; state: BotItem['feedback']; error?: string; handoff?: ChatHandoff }
  | { type: 'clear' };

/** The way to a person offered with this answer or after its 没用 (拨打12345 / 留言给人工), or null. */
export function handoffOf(item: BotItem): ChatHandoff | null {
  return item.handoff ?? item.reply.handoff ?? null;
}

/** The FAQ entry a consult answer quotes (its 查看原文 link), or null. */
export function sourceFaqId(item: BotItem): string | null {
  return item.reply.intent === 'consult' && item.reply.faqId ? item.reply.faqId : null;
}

/** Keep the saved conversation small. */
export const MAX_SAVED_ITEMS = 40;

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'ask':
      return { ...state, items: [...state.items, { id: action.id, role: 'user', text: action.text, status: 'sending' }] };
    case 'answered': {
      const q = state.items.find((i): i is UserItem => i.id === action.id && i.role === 'user');
      const items = state.items.map((i) => (i.id === action.id && i.role === 'user' ? { ...i, status: 'sent' as const, error: undefined } : i));
      items.push({ id: `bot-${action.reply.messageId}`, role: 'bot', question: q?.text ?? '', reply: action.reply, feedback: 'none' });
      return { conversationId: action.reply.conversationId, items };
    }
    case 'failed':
      return { ...state, items: state.items.map((i) => (i.id === action.id && i.role === 'user' ? { ...i, status: 'failed' as const, error: action.error } : i)) };
    case 'resend':
      return { ...state, items: state.items.map((i) => (i.id === action.id && i.role === 'user' ? { ...i, status: 'sending' as const, error: undefined } : i)) };
    case 'feedback':
      return {
        ...state,
        items: state.items.map((i) =>
          i.id === action.id && i.role === 'bot' ? { ...i, feedback: action.state, feedbackError: action.error, ...(action.handoff ? { handoff: action.handoff } : {}) } : i,
        ),
      };
    case 'clear':
      return { items: [] };
  }
}

/** What is saved: the last items, with questions still in flight marked failed (they may not have arrived). */
export function toSaved(state: ChatState): ChatState {
  return {
    conversationId: state.conversationId,
    items: state.items.slice(-MAX_SAVED_ITEMS).map((i) => (i.role === 'user' && i.status === 'sending' ? { ...i, status: 'failed' as const, error: '发送中断，请点“重新发送”' } : i)),
  };
}
