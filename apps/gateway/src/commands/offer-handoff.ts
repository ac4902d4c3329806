// A way to a person after two unhelpful turns in a row (faq/unhelpful-streak.ts): the hotline to call, and a
// consult ticket prefilled with what the citizen asked in the conversation (留言给人工).
import { HOTLINE_PHONE, type CategoryId, type ChatHandoff } from '@minhu/shared';
import { buildHandoffDraft } from '../chat/draft.js';
import type { Deps } from '../deps.js';

interface StoredMessage {
  role: string;
  text: string;
  categoryId?: string;
}

export async function offerHandoff(deps: Deps, conversationId: string): Promise<ChatHandoff> {
  const conversation = await deps.models.Conversation.findById(conversationId, { 'messages.role': 1, 'messages.text': 1, 'messages.categoryId': 1 }).lean<{
    messages?: StoredMessage[];
  }>();
  const messages = conversation?.messages ?? [];
  const asked = messages.filter((m) => m.role === 'user').map((m) => m.text);
  // The subject the bot last took the conversation to be about, if any.
  let categoryId: CategoryId | null = null;
  for (let i = messages.length - 1; i >= 0 && categoryId === null; i--) {
    if (messages[i]!.role === 'bot' && messages[i]!.categoryId) categoryId = messages[i]!.categoryId as CategoryId;
  }
  return { phone: HOTLINE_PHONE, draft: buildHandoffDraft(categoryId, asked) };
}
