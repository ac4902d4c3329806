// 有用 / 没用 on a bot answer. Stored once per message (a change of mind overwrites); "not helpful"
// offers the next step: file a ticket or call 12345.
import type { ChatFeedback, ChatFeedbackResponse } from '@minhu/shared';
import type { Deps } from '../deps.js';
import { notFound } from '../http/errors.js';

export async function recordChatFeedback(deps: Deps, input: ChatFeedback): Promise<ChatFeedbackResponse> {
  const conversation = await deps.models.Conversation.findOne(
    { _id: input.conversationId, 'messages.id': input.messageId },
    { 'messages.$': 1 },
  ).lean<{ messages: Array<{ id: string; role: string; intent?: string; categoryId?: string; faqId?: string }> }>();
  const message = conversation?.messages?.[0];
  if (!message || message.role !== 'bot') throw notFound('没有找到这条回答');
  await deps.models.ChatFeedback.updateOne(
    { conversationId: input.conversationId, messageId: input.messageId },
    {
      $set: { helpful: input.helpful, comment: input.comment, intent: message.intent, categoryId: message.categoryId, faqId: message.faqId },
    },
    { upsert: true },
  );
  if (input.helpful) return { ok: true, reply: { text: '感谢您的反馈！', actions: [] } };
  return {
    ok: true,
    reply: {
      text: '抱歉没能帮到您。您可以直接提交工单，由工作人员为您办理；也可以拨打 12345 热线咨询。',
      actions: ['file_ticket', 'call_12345'],
    },
  };
}
