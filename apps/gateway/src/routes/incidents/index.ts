// Incidents as citizens meet them: before filing, the open incidents of the same kind near the chosen
// place (附议 = filing with its id). Signed-in citizens only: the list says what others reported.
import Router from '@koa/router';
import { NearbyIncidentsQuerySchema } from '@minhu/shared';
import { nearbyIncidents } from '../../commands/nearby-incidents.js';
import type { Deps } from '../../deps.js';
import { requireCitizen } from '../../http/auth.js';
import { parseInput } from '../../http/validate.js';

export function incidentsRouter(deps: Deps) {
  const router = new Router({ prefix: '/api/incidents' });
  router.use(requireCitizen(deps));

  router.get('/nearby', async (ctx) => {
    ctx.body = { items: await nearbyIncidents(deps, parseInput(NearbyIncidentsQuerySchema, ctx.query)) };
  });

  return router;
}
