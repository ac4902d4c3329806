// Browsing the knowledge base: the 18 categories with entry counts, entries by category or search, one entry.
import Router from '@koa/router';
import { CATEGORIES, FaqQuerySchema } from '@minhu/shared';
import type { Deps } from '../../deps.js';
import { notFound } from '../../http/errors.js';
import { parseInput } from '../../http/validate.js';
import { presentFaqEntry } from '../../presenters/faq.js';

export function faqRouter(deps: Deps) {
  const router = new Router({ prefix: '/api/faq' });

  router.get('/categories', async (ctx) => {
    const counts = await deps.models.FaqEntry.aggregate<{ _id: string; n: number }>([
      { $match: { enabled: true } },
      { $group: { _id: '$categoryId', n: { $sum: 1 } } },
    ]);
    const byId = new Map(counts.map((c) => [c._id, c.n]));
    ctx.body = { categories: CATEGORIES.map((c) => ({ id: c.id, name: c.name, nameEn: c.nameEn, count: byId.get(c.id) ?? 0 })) };
  });

  router.get('/', async (ctx) => {
    const q = parseInput(FaqQuerySchema, ctx.query);
    const engine = await deps.faq.current();
    const entries = q.q ? engine.search(q.q, { categoryId: q.categoryId, limit: 20 }) : engine.list(q.categoryId);
    ctx.body = { items: entries.map(presentFaqEntry) };
  });

  // One entry in full: the chat answer's 查看原文 and shared FAQ links open it.
  router.get('/:id', async (ctx) => {
    const id = ctx.params.id!;
    const entry = /^[A-Za-z0-9_.-]{1,80}$/.test(id) ? (await deps.faq.current()).entry(id) : null;
    if (!entry) throw notFound('该问答不存在或已下线');
    ctx.body = { entry: presentFaqEntry(entry) };
  });

  return router;
}
