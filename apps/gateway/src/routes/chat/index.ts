// The FAQ chatbot for the app channels (mini-program, H5): anonymous, rate-limited.
import Router from '@koa/router';
import { ChatFeedbackSchema, ChatMessageRequestSchema } from '@minhu/shared';
import { answerChatMessage } from '../../commands/answer-chat-message.js';
import { recordChatFeedback } from '../../commands/record-chat-feedback.js';
import type { Deps } from '../../deps.js';
import { parseInput } from '../../http/validate.js';

export function chatRouter(deps: Deps) {
  const router = new Router({ prefix: '/api/chat' });

  router.post('/messages', async (ctx) => {
    const input = parseInput(ChatMessageRequestSchema, ctx.request.body);
    ctx.body = await answerChatMessage(deps, { ...input, channel: 'app', rateKey: ctx.ip });
  });

  router.post('/feedback', async (ctx) => {
    const input = parseInput(ChatFeedbackSchema, ctx.request.body);
    ctx.body = await recordChatFeedback(deps, input);
  });

  return router;
}
