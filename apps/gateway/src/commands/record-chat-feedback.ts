// 有用 / 没用 on a bot answer. Stored once per message (a change of mind overwrites); "not helpful"
// offers the next step: file a ticket or call 12345. A rating of the conversation's latest answer moves its
// unhelpful streak (faq/unhelpful-streak.ts): a second unhelpful turn in a row offers a person (handoff).
import type { ChatFeedback, ChatFeedbackResponse } from '@minhu/shared';
import { handoffText } from '../chat/reply.js';
import type { Deps } from '../deps.js';
import { afterFeedback, offersHandoff, type UnhelpfulStreak } from '../faq/unhelpful-streak.js';
import { notFound } from '../http/errors.js';
import { offerHandoff } from './offer-handoff.js';

export async function recordChatFeedback(deps: Deps, input: ChatFeedback): Promise<ChatFeedbackResponse> {
  const conversation = await deps.models.Conversation.findOne(
    { _id: input.conversationId, 'messages.id': input.messageId },
    { 'messages.$': 1, unhelpful: 1 },
  ).lean<{
    messages: Array<{ id: string; role: string; intent?: string; categoryId?: string; faqId?: string }>;
    unhelpful?: UnhelpfulStreak | null;
  }>();
  const message = conversation?.messages?.[0];
  if (!message || message.role !== 'bot') throw notFound('没有找到这条回答');
  await deps.models.ChatFeedback.updateOne(
    { conversationId: input.conversationId, messageId: input.messageId },
    {
      $set: { helpful: input.helpful, comment: input.comment, intent: message.intent, categoryId: message.categoryId, faqId: message.faqId },
    },
    { upsert: true },
  );
  const streak = await moveStreak(deps, input, conversation!.unhelpful ?? null);
  if (input.helpful) return { ok: true, reply: { text: '感谢您的反馈！', actions: [] } };
  if (offersHandoff(streak)) {
    return { ok: true, reply: { text: handoffText(), actions: ['file_ticket', 'call_12345'] }, handoff: await offerHandoff(deps, input.conversationId) };
  }
  return {
    ok: true,
    reply: {
      text: '抱歉没能帮到您。您可以直接提交工单，由工作人员为您办理；也可以拨打 12345 热线咨询。',
      actions: ['file_ticket', 'call_12345'],
    },
  };
}

/**
 * Only a rating of the latest answer moves the streak ("in a row"). The write is conditional on that answer still
 * being the latest and bumps the turn counter, so a process holding this conversation's state in its cache
 * re-reads it before the next turn instead of overwriting the streak.
 */
async function moveStreak(deps: Deps, input: ChatFeedback, current: UnhelpfulStreak | null): Promise<UnhelpfulStreak | null> {
  if (!current || current.messageId !== input.messageId) return null;
  const next = afterFeedback(current, input.helpful);
  if (next.before === current.before && next.unhelpful === current.unhelpful) return next;
  const res = await deps.models.Conversation.updateOne(
    { _id: input.conversationId, 'unhelpful.messageId': input.messageId },
    { $set: { unhelpful: next }, $inc: { turn: 1 } },
  );
  deps.chatCache.delete(input.conversationId);
  return res.matchedCount === 1 ? next : null;
}
