// Why: the gateway stores this small JSON per conversation and passes it back, so follow-ups, clarify answers and drafts carry across turns.
import { CategoryIdSchema, ChatIntentSchema } from '@minhu/shared';
import { z } from 'zod';

/** A clarify question waiting for the citizen's choice. */
export const PendingClarifySchema = z.object({
  /** What the citizen asked, to answer once they choose. */
  text: z.string().max(500),
  /** consult or complaint: what the question turns into once resolved. */
  intent: z.enum(['consult', 'complaint']),
  /** The options offered, in order ("第一个" = options[0]). */
  options: z
    .array(z.object({ categoryId: CategoryIdSchema, faqId: z.string().max(80).nullable() }))
    .min(2)
    .max(4),
});
export type PendingClarify = z.infer<typeof PendingClarifySchema>;

/** One past message of the citizen. */
export const RecentTurnSchema = z.object({
  text: z.string().max(200),
  categoryId: CategoryIdSchema.nullable(),
  intent: ChatIntentSchema,
});
export type RecentTurn = z.infer<typeof RecentTurnSchema>;

export const ChatContextSchema = z.object({
  v: z.literal(1),
  /** Category of the last understood turn. */
  lastCategoryId: CategoryIdSchema.nullable(),
  /** FAQ answered last. */
  lastFaqId: z.string().max(80).nullable(),
  /** Intent of the last turn. */
  lastIntent: ChatIntentSchema.nullable(),
  /** The citizen's recent messages with what was understood, oldest first (at most 4; text trimmed to 200 characters). */
  recent: z.array(RecentTurnSchema).max(4),
  /** An open clarify question. */
  pending: PendingClarifySchema.nullable(),
});
export type ChatContext = z.infer<typeof ChatContextSchema>;

export function emptyContext(): ChatContext {
  return { v: 1, lastCategoryId: null, lastFaqId: null, lastIntent: null, recent: [], pending: null };
}

/** Accept whatever the gateway stored; anything malformed (old version, tampering) starts afresh. */
export function readContext(input: unknown): ChatContext {
  if (input === undefined || input === null) return emptyContext();
  const parsed = ChatContextSchema.safeParse(input);
  return parsed.success ? parsed.data : emptyContext();
}

const KEEP = 4;
const CLIP = 200;

export function pushTurn(list: RecentTurn[], turn: RecentTurn): RecentTurn[] {
  return [...list, { ...turn, text: turn.text.slice(0, CLIP) }].slice(-KEEP);
}
