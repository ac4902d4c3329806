/** The FAQ chatbot: messages, feedback, browsing the knowledge base. */
import { z } from 'zod';
import { CategoryIdSchema } from '../categories.js';
import { TicketKindSchema } from '../tickets.js';
import { StoredLocationSchema } from './tickets.js';

export const CHAT_INTENTS = ['consult', 'complaint', 'emergency', 'out_of_scope', 'clarify'] as const;
export type ChatIntent = (typeof CHAT_INTENTS)[number];
export const ChatIntentSchema = z.enum(CHAT_INTENTS);

/** POST /api/chat/messages */
export const ChatMessageRequestSchema = z.strictObject({
  /** What the citizen typed (1–500 characters). */
  text: z.string().trim().min(1, '请输入内容').max(500, '内容不能超过 500 字'),
  /** Conversation to continue; omit to start one. */
  conversationId: z.string().regex(/^[A-Za-z0-9_-]{10,40}$/).optional(),
});
export type ChatMessageRequest = z.infer<typeof ChatMessageRequestSchema>;

/** A related FAQ offered as a tappable chip. */
export const ChatSuggestionSchema = z.object({
  /** FAQ entry id. */
  faqId: z.string(),
  /** Its standard question. */
  question: z.string(),
});

/** The city's government service hotline, offered when the bot cannot help (拨打12345). */
export const HOTLINE_PHONE = '12345';

/**
 * Prefilled report form: on a complaint (一键反映), on an emergency (不是紧急情况？继续反映 — the same draft a
 * complaint would get, under the numbers to call) and in a handoff (留言给人工: a `consult` ticket).
 */
export const TicketDraftSchema = z.object({
  /** Kind guessed from the words (投诉/求助/举报/建议/表扬); `consult` in a handoff. */
  kind: TicketKindSchema,
  /** Category guessed, or null. */
  categoryId: CategoryIdSchema.nullable(),
  /** Description built from what the citizen said. */
  description: z.string(),
  /** Location, when the citizen named one. */
  location: StoredLocationSchema.pick({ address: true }).optional(),
});
export type TicketDraft = z.infer<typeof TicketDraftSchema>;

/** Where a consult answer comes from (来源：<department> · 更新于 <date>). */
export const ChatAnswerSourceSchema = z.object({
  /** The FAQ entry answered; GET /api/faq/:id opens it (查看原文). */
  faqId: z.string(),
  /** The government body or public service that answers the entry (市医疗保障局, 供热企业 …). */
  department: z.string(),
  /** When the entry last changed (ISO 8601). */
  updatedAt: z.string(),
});
export type ChatAnswerSource = z.infer<typeof ChatAnswerSourceSchema>;

/**
 * A way to a person, offered after two unhelpful turns in a row in one conversation (two 没用, two answers that
 * found nothing, or one of each); a helpful answer starts the count again.
 */
export const ChatHandoffSchema = z.object({
  /** The hotline to call (拨打12345). */
  phone: z.string(),
  /** 留言给人工: a `consult` ticket quoting what the citizen asked in this conversation. */
  draft: TicketDraftSchema,
});
export type ChatHandoff = z.infer<typeof ChatHandoffSchema>;

/** Answer of POST /api/chat/messages. */
export const ChatMessageResponseSchema = z.object({
  /** Conversation id to send with the next message. */
  conversationId: z.string(),
  /** Id of the bot's answer (for feedback). */
  messageId: z.string(),
  /** What the bot understood. */
  intent: ChatIntentSchema,
  /** Category, or null. */
  categoryId: CategoryIdSchema.nullable(),
  /** The FAQ answered, on consult. */
  faqId: z.string().optional(),
  /** 0–1. */
  confidence: z.number(),
  /** What to show. */
  reply: z.object({
    /** Reply text (Simplified Chinese). */
    text: z.string(),
    /** Related questions or clarify options. */
    suggestions: z.array(ChatSuggestionSchema),
    /** On emergency: the numbers to call now. */
    emergencyNumbers: z.array(z.string()).optional(),
  }),
  /** On complaint and on emergency: the report form prefilled from the citizen's words. */
  draft: TicketDraftSchema.optional(),
  /** On a consult answer from the knowledge base: who answers the entry and when it last changed. */
  source: ChatAnswerSourceSchema.optional(),
  /** When this answer is the second unhelpful turn in a row: call the hotline or leave a message. */
  handoff: ChatHandoffSchema.optional(),
});
export type ChatMessageResponse = z.infer<typeof ChatMessageResponseSchema>;

/** POST /api/chat/feedback */
export const ChatFeedbackSchema = z.strictObject({
  /** The conversation. */
  conversationId: z.string().regex(/^[A-Za-z0-9_-]{10,40}$/),
  /** The bot message rated. */
  messageId: z.string().regex(/^[A-Za-z0-9_-]{10,40}$/),
  /** 有用 (true) / 没用 (false). */
  helpful: z.boolean(),
  /** Optional words. */
  comment: z.string().trim().max(500).optional(),
});
export type ChatFeedback = z.infer<typeof ChatFeedbackSchema>;

/** Answer of POST /api/chat/feedback: what the bot says next. */
export const ChatFeedbackResponseSchema = z.object({
  ok: z.literal(true),
  reply: z.object({
    /** What to show. */
    text: z.string(),
    /** Next steps offered after "没用": file a ticket, call 12345. */
    actions: z.array(z.enum(['file_ticket', 'call_12345'])),
  }),
  /** When this 没用 makes two unhelpful turns in a row: call the hotline or leave a message. */
  handoff: ChatHandoffSchema.optional(),
});
export type ChatFeedbackResponse = z.infer<typeof ChatFeedbackResponseSchema>;

/** GET /api/faq query. */
export const FaqQuerySchema = z.strictObject({
  /** Only this category. */
  categoryId: CategoryIdSchema.optional(),
  /** Search words. */
  q: z.string().trim().min(1).max(100).optional(),
});

/** One FAQ entry as shown to citizens. */
export const FaqEntrySchema = z.object({
  /** Stable id. */
  id: z.string(),
  /** Category. */
  categoryId: CategoryIdSchema,
  /** The standard question. */
  question: z.string(),
  /** The answer, with the city's local details appended where configured. */
  answer: z.string(),
  /** The government body or public service that answers it. */
  department: z.string(),
  /** When it last changed (ISO 8601). */
  updatedAt: z.string(),
});
export type FaqEntry = z.infer<typeof FaqEntrySchema>;

/** GET /api/faq/categories → the 18 categories in order with their entry counts. */
export const FaqCategoriesResponseSchema = z.object({
  categories: z.array(
    z.object({
      /** Category id. */
      id: CategoryIdSchema,
      /** Chinese name. */
      name: z.string(),
      /** English name, for foreign residents. */
      nameEn: z.string(),
      /** Enabled entries in the knowledge base. */
      count: z.number().int().nonnegative(),
    }),
  ),
});
export type FaqCategoriesResponse = z.infer<typeof FaqCategoriesResponseSchema>;
export type FaqCategorySummary = FaqCategoriesResponse['categories'][number];

/** GET /api/faq?categoryId&q → matching entries. */
export const FaqListResponseSchema = z.object({
  /** Entries, best match first when searching. */
  items: z.array(FaqEntrySchema),
});
export type FaqListResponse = z.infer<typeof FaqListResponseSchema>;

/** GET /api/faq/:id → one entry (查看原文, shared links). */
export const FaqEntryResponseSchema = z.object({
  /** The entry. */
  entry: FaqEntrySchema,
});
export type FaqEntryResponse = z.infer<typeof FaqEntryResponseSchema>;
