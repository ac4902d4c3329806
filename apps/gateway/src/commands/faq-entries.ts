// Admins' changes to the knowledge base: create, edit, disable and enable an entry. Each takes effect
// without a restart (this process at once, the others within seconds); an edited seed entry becomes
// the city's, so later seed versions no longer overwrite it.
import type { AdminFaqQuerySchema, CreateFaqEntrySchema, UpdateFaqEntrySchema } from '@minhu/shared';
import type { z } from 'zod';
import type { Deps } from '../deps.js';
import { notFound } from '../http/errors.js';
import { randomId } from '../lib/ids.js';
import type { FaqEntryDoc } from '../models/faq-entry.js';
import { toKbEntry } from '../faq/store.js';

const FAQ_ID = /^[a-z0-9-]{2,80}$/;

/** Entries for the admin list; a plain substring search over a few hundred entries (no pattern syntax reaches anything). */
export async function listFaqEntries(deps: Deps, q: z.infer<typeof AdminFaqQuerySchema>): Promise<FaqEntryDoc[]> {
  const filter: Record<string, unknown> = {};
  if (q.categoryId) filter.categoryId = q.categoryId;
  if (!q.includeDisabled) filter.enabled = true;
  const docs = await deps.models.FaqEntry.find(filter).sort({ categoryId: 1, _id: 1 }).lean<FaqEntryDoc[]>();
  const words = q.q ? q.q.toLowerCase().split(/\s+/) : [];
  const hit = (d: FaqEntryDoc) => {
    const text = [d.question, ...(d.paraphrases ?? []), d.answer, toKbEntry(d).department].join('\n').toLowerCase();
    return words.every((w) => text.includes(w));
  };
  return docs.filter(hit);
}

export async function createFaqEntry(deps: Deps, editedBy: string, input: z.infer<typeof CreateFaqEntrySchema>): Promise<FaqEntryDoc> {
  const id = `${input.categoryId}-a${randomId(4).toLowerCase().replace(/[^a-z0-9]/g, '0')}`;
  const doc = await deps.models.FaqEntry.create({ _id: id, ...input, enabled: true, source: 'admin', editedBy });
  await deps.faq.changed();
  return doc.toObject() as FaqEntryDoc;
}

/** Any subset of an entry's fields (`enabled` among them); 404 for an unknown id. */
export async function updateFaqEntry(deps: Deps, editedBy: string, id: string, input: z.infer<typeof UpdateFaqEntrySchema>): Promise<FaqEntryDoc> {
  if (!FAQ_ID.test(id)) throw notFound('条目不存在');
  const doc = await deps.models.FaqEntry.findOneAndUpdate(
    { _id: id },
    { $set: { ...input, source: 'admin', editedBy } },
    { returnDocument: 'after' },
  ).lean<FaqEntryDoc>();
  if (!doc) throw notFound('条目不存在');
  await deps.faq.changed();
  return doc;
}
