// GET /api/admin/audit: the audit log of staff actions, newest first, filtered by ticket (id or
// number), staff user name and action, cursor-paged. Readers: policies/staff.ts canReadAudit (admins).
import Router from '@koa/router';
import { AuditQuerySchema } from '@minhu/shared';
import { listAudit } from '../../commands/audit.js';
import type { Deps } from '../../deps.js';
import { requireStaff } from '../../http/auth.js';
import { parseInput } from '../../http/validate.js';
import { canReadAudit } from '../../policies/staff.js';
import { presentAuditEntry } from '../../presenters/audit.js';

export function adminAuditRouter(deps: Deps) {
  const router = new Router({ prefix: '/api/admin/audit' });
  router.use(requireStaff(deps, canReadAudit));

  router.get('/', async (ctx) => {
    const q = parseInput(AuditQuerySchema, ctx.query);
    const { items, nextCursor } = await listAudit(deps, q);
    ctx.body = { items: items.map(presentAuditEntry), nextCursor };
  });

  return router;
}
