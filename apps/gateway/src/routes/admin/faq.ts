// /api/admin/faq: knowledge-base editors (policies/staff.ts: canEditFaq) list, create, edit, disable
// and enable FAQ entries; every change takes effect without a restart and leaves an audit entry.
import Router from '@koa/router';
import { AdminFaqQuerySchema, CreateFaqEntrySchema, UpdateFaqEntrySchema, type AuditAction } from '@minhu/shared';
import type { Context } from 'koa';
import { recordAudit } from '../../commands/audit.js';
import { createFaqEntry, listFaqEntries, updateFaqEntry } from '../../commands/faq-entries.js';
import type { Deps } from '../../deps.js';
import { auditActorOf, requireStaff, staffOf } from '../../http/auth.js';
import { parseInput } from '../../http/validate.js';
import type { FaqEntryDoc } from '../../models/faq-entry.js';
import { canEditFaq } from '../../policies/staff.js';
import { presentAdminFaqEntry } from '../../presenters/faq.js';

/** What a PATCH amounts to: switching `enabled` alone is an enable or a disable, anything else an edit. */
function patchAction(input: Record<string, unknown>): AuditAction {
  const keys = Object.keys(input);
  if (keys.length === 1 && keys[0] === 'enabled') return input.enabled ? 'faq.enable' : 'faq.disable';
  return 'faq.update';
}

export function adminFaqRouter(deps: Deps) {
  const router = new Router({ prefix: '/api/admin/faq' });
  router.use(requireStaff(deps, canEditFaq));

  const audit = (ctx: Context, action: AuditAction, entry: FaqEntryDoc, details: Record<string, string> = {}) =>
    recordAudit(deps, auditActorOf(ctx), { action, target: entry._id, details: { categoryId: entry.categoryId, ...details } });

  router.get('/', async (ctx) => {
    const q = parseInput(AdminFaqQuerySchema, ctx.query);
    ctx.body = { items: (await listFaqEntries(deps, q)).map(presentAdminFaqEntry) };
  });

  router.post('/', async (ctx) => {
    const input = parseInput(CreateFaqEntrySchema, ctx.request.body);
    const entry = await createFaqEntry(deps, staffOf(ctx).name, input);
    await audit(ctx, 'faq.create', entry);
    ctx.status = 201;
    ctx.body = { entry: presentAdminFaqEntry(entry) };
  });

  router.patch('/:id', async (ctx) => {
    const input = parseInput(UpdateFaqEntrySchema, ctx.request.body);
    const entry = await updateFaqEntry(deps, staffOf(ctx).name, ctx.params.id!, input);
    const action = patchAction(input);
    // A new department is named in the log: it is what citizens see as the answer's source.
    const details = action === 'faq.update' ? { fields: Object.keys(input).sort().join(','), ...(input.department ? { department: input.department } : {}) } : {};
    await audit(ctx, action, entry, details);
    ctx.body = { entry: presentAdminFaqEntry(entry) };
  });

  router.post('/:id/disable', async (ctx) => {
    const entry = await updateFaqEntry(deps, staffOf(ctx).name, ctx.params.id!, { enabled: false });
    await audit(ctx, 'faq.disable', entry);
    ctx.body = { entry: presentAdminFaqEntry(entry) };
  });

  router.post('/:id/enable', async (ctx) => {
    const entry = await updateFaqEntry(deps, staffOf(ctx).name, ctx.params.id!, { enabled: true });
    await audit(ctx, 'faq.enable', entry);
    ctx.body = { entry: presentAdminFaqEntry(entry) };
  });

  return router;
}
