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

/** Prefilled report form, offered on a complaint. */
export const TicketDraftSchema = z.object({
  /** Kind guessed from the words (投诉/求助/举报/建议/表扬). */
  kind: TicketKindSchema,
  /** Category guessed, or null. */
  categoryId: CategoryIdSchema.nullable(),
  /** Description built from what the citizen said. */
  description: z.string(),
  /** Location, when the citizen named one. */
  location: StoredLocationSchema.pick({ address: true }).optional(),
});
export type TicketDraft = z.infer<typeof TicketDraftSchema>;

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
  /** On complaint: the report form prefilled. */
  draft: TicketDraftSchema.optional(),
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
