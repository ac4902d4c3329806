// A chat conversation: the engine's context and the recent messages, written once per message.
import { CHANNELS } from '@minhu/shared';
import { Schema, type Connection, type InferSchemaType } from 'mongoose';

const chatMessageSchema = new Schema(
  {
    id: { type: String, required: true },
    role: { type: String, enum: ['user', 'bot'], required: true },
    text: { type: String, required: true },
    intent: String,
    categoryId: String,
    faqId: String,
    confidence: Number,
    at: { type: Date, required: true },
  },
  { _id: false },
);

const conversationSchema = new Schema(
  {
    _id: { type: String, required: true },
    channel: { type: String, enum: CHANNELS, required: true },
    /**
     * Bumped by every message, and by a rating that changes the unhelpful streak: writes are conditional on it, so
     * a stale cached context or streak is detected.
     */
    turn: { type: Number, required: true, default: 0 },
    /** What the engine remembers between turns (JSON). */
    context: { type: Schema.Types.Mixed, default: {} },
    /** The per-conversation chat limit's window (faq/conversation-rate.ts), written with each turn. */
    rate: { type: new Schema({ start: Date, n: Number }, { _id: false }), default: null },
    /**
     * The unhelpful streak (faq/unhelpful-streak.ts): the latest bot answer, the unhelpful turns in a row before
     * it, and whether it is unhelpful itself (found nothing, or rated 没用). Two in a row offer a person.
     */
    unhelpful: {
      type: new Schema({ messageId: String, before: Number, unhelpful: Boolean }, { _id: false }),
      default: null,
    },
    /** The last messages (capped). */
    messages: { type: [chatMessageSchema], default: [] },
    /** Signed-in citizen, when the app sent a token. */
    citizenId: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true, strict: 'throw' },
);
conversationSchema.index({ updatedAt: 1 });
conversationSchema.index({ citizenId: 1 }, { partialFilterExpression: { citizenId: { $type: 'objectId' } } });

export type ConversationDoc = InferSchemaType<typeof conversationSchema> & { _id: string };
export const conversationModel = (conn: Connection) => conn.model('Conversation', conversationSchema, 'conversations');

const chatFeedbackSchema = new Schema(
  {
    conversationId: { type: String, required: true },
    messageId: { type: String, required: true },
    helpful: { type: Boolean, required: true },
    comment: String,
    intent: String,
    categoryId: String,
    faqId: String,
  },
  { timestamps: true, strict: 'throw' },
);
chatFeedbackSchema.index({ conversationId: 1, messageId: 1 }, { unique: true });
chatFeedbackSchema.index({ helpful: 1, createdAt: -1 });

export const chatFeedbackModel = (conn: Connection) => conn.model('ChatFeedback', chatFeedbackSchema, 'chat_feedback');
