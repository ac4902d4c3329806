// FAQ entries as citizens see them: the answer with the city's local details appended.
import type { FaqEntry } from '@minhu/shared';
import type { KbEntry } from '../chat/kb.js';
import { answerWithLocalDetails } from '../chat/reply.js';
import { toKbEntry } from '../faq/store.js';
import type { FaqEntryDoc } from '../models/faq-entry.js';

export function presentFaqEntry(entry: KbEntry): FaqEntry {
  return { id: entry.id, categoryId: entry.categoryId, question: entry.question, answer: answerWithLocalDetails(entry) };
}

/** What admins see: every field, plus where it came from and when it last changed. */
export function presentAdminFaqEntry(doc: FaqEntryDoc & { updatedAt?: Date }) {
  return { ...toKbEntry(doc), source: doc.source, updatedAt: doc.updatedAt ? new Date(doc.updatedAt).toISOString() : null };
}
