// FAQ entries as citizens see them: the answer with the city's local details appended, who answers it and
// when it last changed; and the provenance a chat answer quotes.
import type { ChatAnswerSource, FaqEntry } from '@minhu/shared';
import type { KbEntry } from '../chat/kb.js';
import { answerWithLocalDetails } from '../chat/reply.js';
import { toKbEntry } from '../faq/store.js';
import type { FaqEntryDoc } from '../models/faq-entry.js';

/** Entries from the database always carry their last change; only seed-file entries in-process have none. */
const updatedAtOf = (entry: KbEntry): string => entry.updatedAt ?? new Date(0).toISOString();

export function presentFaqEntry(entry: KbEntry): FaqEntry {
  return {
    id: entry.id,
    categoryId: entry.categoryId,
    question: entry.question,
    answer: answerWithLocalDetails(entry),
    department: entry.department,
    updatedAt: updatedAtOf(entry),
  };
}

/** Where a consult answer comes from: the entry, who answers it, its last change. */
export function presentAnswerSource(entry: KbEntry): ChatAnswerSource {
  return { faqId: entry.id, department: entry.department, updatedAt: updatedAtOf(entry) };
}

/** What admins see: every field, plus where it came from and when it last changed. */
export function presentAdminFaqEntry(doc: FaqEntryDoc & { updatedAt?: Date }) {
  return { ...toKbEntry(doc), source: doc.source, updatedAt: doc.updatedAt ? new Date(doc.updatedAt).toISOString() : null };
}
