// One chat turn for any channel (mini-program, H5, official account, API): rate limits, the engine's answer with the
// conversation's context, and one conditional write that stores both messages, the new context, the
// conversation's rate window (so the per-conversation limit holds across processes at no extra write) and its
// unhelpful streak (two unhelpful turns in a row offer a person). A consult answer names its source.
import type { Channel, ChatMessageResponse } from '@minhu/shared';
import { Types } from 'mongoose';
import type { ChatAnswer } from '../chat/engine.js';
import type { Deps } from '../deps.js';
import type { CachedConversation } from '../faq/conversation-cache.js';
import { randomId } from '../lib/ids.js';
import { conflict, tooManyRequests } from '../http/errors.js';
import { consume } from '../lib/limits.js';
import { spendConversationRate, type ConversationRate } from '../faq/conversation-rate.js';
import { afterAnswer, offersHandoff, offersPersonAtOnce, type UnhelpfulStreak } from '../faq/unhelpful-streak.js';
import { presentAnswerSource } from '../presenters/faq.js';
import { offerHandoff } from './offer-handoff.js';

const KEEP_MESSAGES = 40;
const TOO_FAST = '消息发送太频繁，请稍后再试';

export interface ChatTurnInput {
  text: string;
  conversationId?: string;
  channel: Channel;
  /** The signed-in citizen, when the app sent a valid token: the conversation is theirs (export, merge). */
  citizenId?: string;
  /** Client IP (app) or the channel's own sender id, for rate limiting. */
  rateKey: string;
}

async function loadConversation(deps: Deps, id: string): Promise<CachedConversation | null> {
  const doc = await deps.models.Conversation.findById(id, { context: 1, turn: 1, channel: 1, rate: 1, unhelpful: 1 }).lean<{
    context?: unknown;
    turn?: number;
    channel: string;
    rate?: ConversationRate | null;
    unhelpful?: UnhelpfulStreak | null;
  }>();
  return doc ? { context: doc.context, turn: doc.turn ?? 0, channel: doc.channel, rate: doc.rate ?? null, unhelpful: doc.unhelpful ?? null } : null;
}

/**
 * A conversation answers only on the channel it began on: an official-account follower's conversation
 * cannot be read back through the app API by someone who learned its id, nor the other way round.
 */
function assertSameChannel(state: CachedConversation | null, channel: string): void {
  if (state && state.channel !== channel) throw conflict('conversation_channel', '该对话不属于当前渠道，请开始新的对话');
}

export async function answerChatMessage(deps: Deps, input: ChatTurnInput): Promise<ChatMessageResponse> {
  // Counted in MongoDB, shared by every process, through a per-process lease of a few points (lib/leased-limit.ts).
  await consume(deps.limiters.chatPerIp, input.rateKey, TOO_FAST);

  // An unknown id (e.g. a conversation from before a reset) starts a new conversation under that id.
  const conversationId = input.conversationId ?? randomId(15);
  let state = input.conversationId ? (deps.chatCache.get(conversationId) ?? (await loadConversation(deps, conversationId))) : null;
  assertSameChannel(state, input.channel);
  const engine = await deps.faq.current();
  const messageId = randomId(12);

  let answer: ChatAnswer | null = null;
  let streak: UnhelpfulStreak | null = null;
  for (let attempt = 0; attempt < 3 && !answer; attempt++) {
    const now = deps.now();
    // Decided on the state the conditional write below must match: a stale view is re-read, never trusted.
    const rate = spendConversationRate(state?.rate, deps.config.chat.perConversationPerMinute, now);
    if (!rate.ok) throw tooManyRequests(rate.retryAfterSeconds, TOO_FAST);
    const candidate = engine.answer(input.text, state?.context);
    const unhelpful = afterAnswer(state?.unhelpful, messageId, candidate);
    const messages = [
      { id: randomId(12), role: 'user', text: input.text, at: now },
      {
        id: messageId,
        role: 'bot',
        text: candidate.reply.text,
        intent: candidate.intent,
        categoryId: candidate.categoryId ?? undefined,
        faqId: candidate.faqId,
        confidence: candidate.confidence,
        at: now,
      },
    ];
    const conversations = deps.models.Conversation.collection;
    if (!state) {
      try {
        await conversations.insertOne({
          _id: conversationId as never,
          channel: input.channel,
          citizenId: input.citizenId ? new Types.ObjectId(input.citizenId) : null,
          turn: 1,
          context: candidate.context,
          rate: rate.next,
          unhelpful,
          messages,
          createdAt: now,
          updatedAt: now,
        });
        answer = candidate;
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
        state = await loadConversation(deps, conversationId); // created meanwhile: answer with its context
        assertSameChannel(state, input.channel);
      }
    } else {
      const res = await conversations.updateOne(
        { _id: conversationId as never, turn: state.turn },
        { $set: { context: candidate.context, rate: rate.next, unhelpful, updatedAt: now }, $inc: { turn: 1 }, $push: { messages: { $each: messages, $slice: -KEEP_MESSAGES } } as never },
      );
      if (res.matchedCount === 1) answer = candidate;
      else state = await loadConversation(deps, conversationId); // another turn got in first: use the newer context
    }
    if (answer) {
      streak = unhelpful;
      deps.chatCache.set(conversationId, { context: answer.context, turn: (state?.turn ?? 0) + 1, channel: input.channel, rate: rate.next, unhelpful });
    }
  }
  // Several turns of one conversation at once (a double send, a script): the others got in first.
  if (!answer) throw conflict('conversation_busy', '上一条消息还在处理中，请稍后再发送');
  deps.metrics.chatAnswers.inc({ intent: answer.intent });
  const entry = answer.intent === 'consult' && answer.faqId ? engine.entry(answer.faqId) : null;
  const handoff = offersHandoff(streak) || offersPersonAtOnce(answer) ? await offerHandoff(deps, conversationId) : undefined;

  return {
    conversationId,
    messageId,
    intent: answer.intent,
    categoryId: answer.categoryId,
    ...(answer.faqId ? { faqId: answer.faqId } : {}),
    confidence: answer.confidence,
    reply: answer.reply,
    ...(answer.draft ? { draft: answer.draft } : {}),
    ...(entry ? { source: presentAnswerSource(entry) } : {}),
    ...(handoff ? { handoff } : {}),
  };
}
