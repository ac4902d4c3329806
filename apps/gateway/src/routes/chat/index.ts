// The FAQ chatbot for the app channels (mini-program, H5) and API clients: anonymous, rate-limited;
// a signed-in citizen's conversations are kept under their account.
import Router from '@koa/router';
import { ChannelHeaderSchema, ChatFeedbackSchema, ChatMessageRequestSchema } from '@minhu/shared';
import { answerChatMessage } from '../../commands/answer-chat-message.js';
import { recordChatFeedback } from '../../commands/record-chat-feedback.js';
import type { Deps } from '../../deps.js';
import { optionalCitizenId } from '../../http/auth.js';
import { parseInput } from '../../http/validate.js';

export function chatRouter(deps: Deps) {
  const router = new Router({ prefix: '/api/chat' });

  router.post('/messages', async (ctx) => {
    const input = parseInput(ChatMessageRequestSchema, ctx.request.body);
    const channel = parseInput(ChannelHeaderSchema, ctx.get('x-minhu-channel') || undefined);
    ctx.body = await answerChatMessage(deps, { ...input, channel, rateKey: ctx.ip, citizenId: await optionalCitizenId(deps, ctx) });
  });

  router.post('/feedback', async (ctx) => {
    const input = parseInput(ChatFeedbackSchema, ctx.request.body);
    ctx.body = await recordChatFeedback(deps, input);
  });

  return router;
}
