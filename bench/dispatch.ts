// Dispatch's benchmark: with 100,000 tickets in the database (a year of a district, coordinates on most),
// the gateway CPU each filing spends on suggesting departments and matching incidents (the cell-index
// query, decoding its candidates, scoring each pair), and hotspots over 14 days.
// `npm run bench -- dispatch` runs only this section and replaces it in BENCHMARKS.md.
import { randomBytes } from 'node:crypto';
import { Types } from 'mongoose';
import { closeDeps, createDeps } from '../apps/gateway/src/bootstrap.js';
import { hotspots } from '../apps/gateway/src/commands/hotspots.js';
import { findIncidentMatch, geoCellOf } from '../apps/gateway/src/commands/match-incident.js';
import { loadConfig } from '../apps/gateway/src/config.js';
import type { TicketDoc } from '../apps/gateway/src/models/ticket.js';
import type { S3Settings } from '../apps/gateway/src/services/manager.js';
import { BENCH_CENTRE, seedTickets } from './console-data.js';

type WithServices = <T>(fn: (env: { mongoUri: string; s3: S3Settings; dataDir: string; seconds: number }, describe: { mongo: string; s3: string }) => Promise<T>) => Promise<T>;

const TICKETS = Number(process.env.BENCH_DISPATCH_TICKETS ?? 100_000);
const FILINGS = 300;
const WARM_UP = 50;
const TEXTS = ['小区门口的自来水管爆了，水流了一地。', '工地晚上十一点还在施工，噪音很大。', '路灯坏了一个星期，晚上走路很危险。', '楼下烧烤店油烟太大，窗户都不敢开。', '公司拖欠工资三个月了。'];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const r2 = (x: number) => Math.round(x * 100) / 100;

export async function dispatchBenchSection(withServices: WithServices, machine: string): Promise<string> {
  const when = new Date().toISOString();
  return withServices(async (env, describe) => {
    const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', MINHU_DATA_DIR: env.dataDir, AUTH_SECRET: randomBytes(32).toString('hex') });
    const deps = await createDeps({ config, mongoUri: env.mongoUri, s3: env.s3, dbName: `minhu_dispatch_${randomBytes(3).toString('hex')}` });
    try {
      console.log(`[bench] dispatch: seeding ${TICKETS} tickets …`);
      const seedMs = await seedTickets(deps.db, TICKETS);
      console.log(`[bench] dispatch: seeded in ${Math.round(seedMs / 1000)} s; loading the models and learning the seeded history …`);
      const t0 = performance.now();
      await deps.dispatch.ready();
      const modelMs = performance.now() - t0;
      console.log(`[bench] dispatch: models ready in ${Math.round(modelMs / 1000)} s (${JSON.stringify(deps.dispatch.status)}); filing …`);

      // New tickets across the district, every third one beside a ticket filed in the last week.
      const recent = await deps.models.Ticket.find({ geoCell: { $type: 'string' }, createdAt: { $gte: new Date(Date.now() - 6 * 86_400_000) } }, { location: 1 }).limit(FILINGS).lean<TicketDoc[]>();
      const cpu: number[] = [];
      const wall: number[] = [];
      const candidates: number[] = [];
      // The first WARM_UP filings are not counted: the steady state of a running gateway, not its JIT warming up.
      for (let i = -WARM_UP; i < FILINGS; i++) {
        const beside = i % 3 === 0 ? recent[(i + WARM_UP) % recent.length]?.location : null;
        const lat = beside?.lat ?? BENCH_CENTRE.lat + (Math.random() - 0.5) * 0.18;
        const lng = beside?.lng ?? BENCH_CENTRE.lng + (Math.random() - 0.5) * 0.2;
        const location = { address: '幸福路1号', lat: lat + 0.0002, lng, coordSystem: 'gcj02' as const };
        const ticket = {
          _id: new Types.ObjectId(),
          description: TEXTS[(i + WARM_UP) % TEXTS.length]!,
          categoryId: 'utilities-outage',
          location,
          createdAt: new Date(),
          status: 'submitted',
          geoCell: geoCellOf(location),
        } as unknown as TicketDoc;
        const c0 = process.cpuUsage();
        const w0 = performance.now();
        deps.dispatch.suggest(ticket);
        const match = await findIncidentMatch(deps, ticket);
        const c = process.cpuUsage(c0);
        if (i < 0) continue;
        wall.push(performance.now() - w0);
        cpu.push((c.user + c.system) / 1000);
        candidates.push(match.candidates.length + (match.joined ? 1 : 0));
      }

      console.log('[bench] dispatch: filings measured; building the ticket index for hotspots …');
      await deps.ticketIndex.current();
      const hot: number[] = [];
      let clusters = 0;
      for (let i = 0; i < 20; i++) {
        const h0 = performance.now();
        clusters = (await hotspots(deps, 14)).items.length;
        hot.push(performance.now() - h0);
      }
      const figures = {
        cpuMean: r2(cpu.reduce((s, x) => s + x, 0) / cpu.length),
        cpuP95: r2(pct(cpu, 95)),
        wallP50: r2(pct(wall, 50)),
        wallP95: r2(pct(wall, 95)),
        hotP50: r2(pct(hot, 50)),
        hotP95: r2(pct(hot, 95)),
      };
      console.log(JSON.stringify(figures));
      return `
## Dispatch
Measured ${when.slice(0, 10)} on ${machine}; database ${describe.mongo.replace(/ at .*/, '')}; ${TICKETS.toLocaleString('en')} tickets (a year of a district of about 20 × 20 km, 90 % of located tickets with coordinates).

| what | figure | target |
|---|---|---|
| department suggestion + incident matching, gateway CPU per filed ticket (${FILINGS} filings after ${WARM_UP} unmeasured ones, one in three beside a recent ticket) | mean **${figures.cpuMean} ms**, p95 ${figures.cpuP95} ms | ≤ 5 ms |
| the same, wall time (includes waiting for the database's cell-index query) | p50 ${figures.wallP50} ms, p95 ${figures.wallP95} ms | — |
| hotspots over 14 days (in-memory ticket index, ${clusters} clusters) | p50 **${figures.hotP50} ms**, p95 ${figures.hotP95} ms | ≤ 500 ms |
| loading the dispatch models (cache in \`$MINHU_CACHE_DIR/dispatch\`, else trained in a worker) | ${Math.round(modelMs)} ms (${deps.dispatch.status.source}) | — |

Candidates come from the geohash-7 cell of the ticket and its 8 neighbours over the last 7 days (index \`geoCell, createdAt\`), so the work per filing depends on how many tickets that square holds, not on the ${TICKETS.toLocaleString('en')}; a filing here compared on average ${r2(candidates.reduce((s, x) => s + x, 0) / candidates.length)} likely match(es) after scoring.
`;
    } finally {
      await closeDeps(deps);
    }
  });
}
