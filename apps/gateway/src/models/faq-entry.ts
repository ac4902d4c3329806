// FAQ entries in MongoDB: seeded from chat/kb/*.json (versioned, idempotent) and managed by admins.
import { Schema, type Connection, type InferSchemaType } from 'mongoose';
import { CATEGORY_IDS } from '@minhu/shared';

const faqEntrySchema = new Schema(
  {
    _id: { type: String, required: true },
    categoryId: { type: String, enum: CATEGORY_IDS, required: true },
    question: { type: String, required: true },
    paraphrases: { type: [String], default: [] },
    answer: { type: String, required: true },
    /** What the city should fill in for this entry (a description). */
    localDetails: { type: String, default: '' },
    /** The city's own details (office, phone, link), appended to the answer. */
    localValue: { type: String, default: null },
    /** Who answers the entry (shown to citizens with the last update); null: the category's seed department. */
    department: { type: String, default: null },
    enabled: { type: Boolean, default: true },
    /** `seed` entries follow the seed files until an admin edits them; then they are the city's. */
    source: { type: String, enum: ['seed', 'admin'], required: true },
    editedBy: { type: String, default: null },
  },
  { timestamps: true, strict: 'throw' },
);
faqEntrySchema.index({ categoryId: 1, _id: 1 });

export type FaqEntryDoc = InferSchemaType<typeof faqEntrySchema> & { _id: string };
export const faqEntryModel = (conn: Connection) => conn.model('FaqEntry', faqEntrySchema, 'faq_entries');

/** One document: the seed version loaded, and a revision bumped by every change (processes reload on it). */
const kbMetaSchema = new Schema(
  { _id: { type: String, required: true }, seedVersion: String, revision: { type: Number, default: 0 } },
  { strict: 'throw', versionKey: false },
);
export const kbMetaModel = (conn: Connection) => conn.model('KbMeta', kbMetaSchema, 'kb_meta');
