// FAQ entries as citizens see them: the answer with the city's local details appended.
import type { FaqEntry } from '@minhu/shared';
import type { KbEntry } from '../chat/kb.js';
import { answerWithLocalDetails } from '../chat/reply.js';

export function presentFaqEntry(entry: KbEntry): FaqEntry {
  return { id: entry.id, categoryId: entry.categoryId, question: entry.question, answer: answerWithLocalDetails(entry) };
}

/** What admins see: every field. */
export function presentAdminFaqEntry(doc: { _id: string; categoryId: string; question: string; paraphrases?: string[]; answer: string; localDetails?: string | null; localValue?: string | null; enabled?: boolean | null; source: string; updatedAt?: Date }) {
  return {
    id: doc._id,
    categoryId: doc.categoryId,
    question: doc.question,
    paraphrases: doc.paraphrases ?? [],
    answer: doc.answer,
    localDetails: doc.localDetails ?? '',
    localValue: doc.localValue ?? null,
    enabled: doc.enabled !== false,
    source: doc.source,
    updatedAt: doc.updatedAt ? new Date(doc.updatedAt).toISOString() : null,
  };
}
