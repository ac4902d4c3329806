// /api/admin/faq: admins create, edit and disable FAQ entries; every change takes effect without a
// restart (this process at once, the others within seconds).
import Router from '@koa/router';
import { AdminFaqQuerySchema, CreateFaqEntrySchema, UpdateFaqEntrySchema } from '@minhu/shared';
import type { Deps } from '../../deps.js';
import { requireStaff, staffOf } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { randomId } from '../../lib/ids.js';
import type { FaqEntryDoc } from '../../models/faq-entry.js';
import { presentAdminFaqEntry } from '../../presenters/faq.js';

const FAQ_ID = /^[a-z0-9-]{2,80}$/;

export function adminFaqRouter(deps: Deps) {
  const router = new Router({ prefix: '/api/admin/faq' });
  router.use(requireStaff(deps, ['admin']));

  router.get('/', async (ctx) => {
    const q = parseInput(AdminFaqQuerySchema, ctx.query);
    const filter: Record<string, unknown> = {};
    if (q.categoryId) filter.categoryId = q.categoryId;
    if (!q.includeDisabled) filter.enabled = true;
    const docs = await deps.models.FaqEntry.find(filter).sort({ categoryId: 1, _id: 1 }).lean<FaqEntryDoc[]>();
    // Plain substring search over a few hundred entries: no pattern syntax reaches anything.
    const words = q.q ? q.q.toLowerCase().split(/\s+/) : [];
    const hit = (d: FaqEntryDoc) => {
      const text = [d.question, ...(d.paraphrases ?? []), d.answer].join('\n').toLowerCase();
      return words.every((w) => text.includes(w));
    };
    ctx.body = { items: docs.filter(hit).map(presentAdminFaqEntry) };
  });

  router.post('/', async (ctx) => {
    const input = parseInput(CreateFaqEntrySchema, ctx.request.body);
    const id = `${input.categoryId}-a${randomId(4).toLowerCase().replace(/[^a-z0-9]/g, '0')}`;
    const doc = await deps.models.FaqEntry.create({ _id: id, ...input, enabled: true, source: 'admin', editedBy: staffOf(ctx).name });
    await deps.faq.changed();
    ctx.status = 201;
    ctx.body = { entry: presentAdminFaqEntry(doc.toObject() as FaqEntryDoc) };
  });

  router.patch('/:id', async (ctx) => {
    if (!FAQ_ID.test(ctx.params.id!)) throw notFound('条目不存在');
    const input = parseInput(UpdateFaqEntrySchema, ctx.request.body);
    // An edited seed entry becomes the city's: later seed versions no longer overwrite it.
    const doc = await deps.models.FaqEntry.findOneAndUpdate(
      { _id: ctx.params.id },
      { $set: { ...input, source: 'admin', editedBy: staffOf(ctx).name } },
      { returnDocument: 'after' },
    ).lean<FaqEntryDoc>();
    if (!doc) throw notFound('条目不存在');
    await deps.faq.changed();
    ctx.body = { entry: presentAdminFaqEntry(doc) };
  });

  router.post('/:id/disable', async (ctx) => {
    if (!FAQ_ID.test(ctx.params.id!)) throw notFound('条目不存在');
    const doc = await deps.models.FaqEntry.findOneAndUpdate(
      { _id: ctx.params.id },
      { $set: { enabled: false, source: 'admin', editedBy: staffOf(ctx).name } },
      { returnDocument: 'after' },
    ).lean<FaqEntryDoc>();
    if (!doc) throw notFound('条目不存在');
    await deps.faq.changed();
    ctx.body = { entry: presentAdminFaqEntry(doc) };
  });

  return router;
}
