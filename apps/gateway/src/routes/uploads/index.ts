// POST /api/uploads: a presigned POST policy straight to the bucket.
import Router from '@koa/router';
import { CreateUploadSchema } from '@minhu/shared';
import { createUpload } from '../../commands/create-upload.js';
import type { Deps } from '../../deps.js';
import { citizenOf, requireCitizen } from '../../http/auth.js';
import { parseInput } from '../../http/validate.js';

export function uploadsRouter(deps: Deps) {
  const router = new Router({ prefix: '/api/uploads' });
  router.use(requireCitizen(deps));

  router.post('/', async (ctx) => {
    const input = parseInput(CreateUploadSchema, ctx.request.body);
    ctx.status = 201;
    ctx.body = await createUpload(deps, citizenOf(ctx).id, input);
  });

  return router;
}
