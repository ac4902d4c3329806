// /api/admin/staff: account managers (policies/staff.ts: canManageStaff) list staff accounts, add one
// (the generated password is shown once), rename it or change its role, disable or enable it, and
// reset its password. Same validation as `npm run staff`; an admin cannot disable or demote itself.
// Every change leaves an audit entry naming the account (never the password).
import Router from '@koa/router';
import { CreateStaffSchema, UpdateStaffSchema, type AuditAction } from '@minhu/shared';
import type { Context } from 'koa';
import { recordAudit } from '../../commands/audit.js';
import { addStaff, listStaff, resetStaffPassword, setStaffDisabled, updateStaff } from '../../commands/staff-accounts.js';
import type { Deps } from '../../deps.js';
import { auditActorOf, requireStaff, staffActor } from '../../http/auth.js';
import { parseInput } from '../../http/validate.js';
import type { StaffDoc } from '../../models/staff.js';
import { canManageStaff } from '../../policies/staff.js';
import { presentStaff } from '../../presenters/staff.js';

export function adminStaffRouter(deps: Deps) {
  const router = new Router({ prefix: '/api/admin/staff' });
  router.use(requireStaff(deps, canManageStaff));

  const audit = (ctx: Context, action: AuditAction, staff: StaffDoc, details?: Record<string, string>) =>
    recordAudit(deps, auditActorOf(ctx), { action, target: staff.username, details });

  router.get('/', async (ctx) => {
    ctx.body = { items: (await listStaff(deps)).map(presentStaff) };
  });

  router.post('/', async (ctx) => {
    const input = parseInput(CreateStaffSchema, ctx.request.body);
    const { password, staff } = await addStaff(deps, input);
    await audit(ctx, 'staff.create', staff, { role: staff.role });
    ctx.status = 201;
    ctx.body = { staff: presentStaff(staff), password };
  });

  router.patch('/:id', async (ctx) => {
    const input = parseInput(UpdateStaffSchema, ctx.request.body);
    const staff = await updateStaff(deps, staffActor(ctx), ctx.params.id!, input);
    await audit(ctx, 'staff.update', staff, { fields: Object.keys(input).sort().join(','), ...(input.role ? { role: input.role } : {}) });
    ctx.body = { staff: presentStaff(staff) };
  });

  router.post('/:id/disable', async (ctx) => {
    const staff = await setStaffDisabled(deps, staffActor(ctx), ctx.params.id!, true);
    await audit(ctx, 'staff.disable', staff);
    ctx.body = { staff: presentStaff(staff) };
  });

  router.post('/:id/enable', async (ctx) => {
    const staff = await setStaffDisabled(deps, staffActor(ctx), ctx.params.id!, false);
    await audit(ctx, 'staff.enable', staff);
    ctx.body = { staff: presentStaff(staff) };
  });

  router.post('/:id/reset-password', async (ctx) => {
    const { password, staff } = await resetStaffPassword(deps, staffActor(ctx), ctx.params.id!);
    await audit(ctx, 'staff.reset_password', staff);
    ctx.body = { staff: presentStaff(staff), password };
  });

  return router;
}
