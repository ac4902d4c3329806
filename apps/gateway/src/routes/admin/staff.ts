// /api/admin/staff: admins list staff accounts, add one (the generated password is shown once),
// rename it or change its role, disable or enable it, and reset its password. Same validation as
// `npm run staff`; an admin cannot disable or demote itself, nor the last enabled admin.
import Router from '@koa/router';
import { CreateStaffSchema, UpdateStaffSchema } from '@minhu/shared';
import { addStaff, listStaff, resetStaffPassword, setStaffDisabled, updateStaff } from '../../commands/staff-accounts.js';
import type { Deps } from '../../deps.js';
import { requireStaff, staffOf } from '../../http/auth.js';
import { parseInput } from '../../http/validate.js';
import { presentStaff } from '../../presenters/staff.js';

export function adminStaffRouter(deps: Deps) {
  const router = new Router({ prefix: '/api/admin/staff' });
  router.use(requireStaff(deps, ['admin']));

  router.get('/', async (ctx) => {
    ctx.body = { items: (await listStaff(deps)).map(presentStaff) };
  });

  router.post('/', async (ctx) => {
    const input = parseInput(CreateStaffSchema, ctx.request.body);
    const { password, staff } = await addStaff(deps, input);
    ctx.status = 201;
    ctx.body = { staff: presentStaff(staff), password };
  });

  router.patch('/:id', async (ctx) => {
    const input = parseInput(UpdateStaffSchema, ctx.request.body);
    ctx.body = { staff: presentStaff(await updateStaff(deps, staffOf(ctx).id, ctx.params.id!, input)) };
  });

  router.post('/:id/disable', async (ctx) => {
    ctx.body = { staff: presentStaff(await setStaffDisabled(deps, staffOf(ctx).id, ctx.params.id!, true)) };
  });

  router.post('/:id/enable', async (ctx) => {
    ctx.body = { staff: presentStaff(await setStaffDisabled(deps, staffOf(ctx).id, ctx.params.id!, false)) };
  });

  router.post('/:id/reset-password', async (ctx) => {
    const { password, staff } = await resetStaffPassword(deps, ctx.params.id!);
    ctx.body = { staff: presentStaff(staff), password };
  });

  return router;
}
