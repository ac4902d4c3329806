// One gateway process: its Deps, the Koa app on the port, the background work (lease-based, so any number of
// processes may run it), and a graceful stop that drains first. Used by `npm start` alone and by each cluster worker.
import type { Server } from 'node:http';
import { createApp } from '../app.js';
import { startBackgroundWork } from '../background.js';
import { closeDeps, createDeps } from '../bootstrap.js';
import type { Config } from '../config.js';
import type { Deps } from '../deps.js';
import type { S3Settings } from '../services/manager.js';

export interface ServingGateway {
  deps: Deps;
  server: Server;
  /** Drains (readiness 503, no new connections, requests in flight answered, deliveries recorded), then closes. */
  stop(): Promise<void>;
}

export async function serveGateway(config: Config, mongoUri: string, s3: S3Settings, opts: { metricsSource?: Deps['metricsSource'] } = {}): Promise<ServingGateway> {
  const deps = await createDeps({ config, mongoUri, s3 });
  if (opts.metricsSource) deps.metricsSource = opts.metricsSource;
  const app = createApp(deps);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
  });
  const background = startBackgroundWork(deps);
  // The console's ticket index reads every ticket once; do it now rather than on the first request.
  deps.ticketIndex.warmUp();
  // Dispatch's models: from the cache, or trained in a worker thread (the first start takes a while).
  deps.dispatch.ready().catch((err) => deps.logger.error({ err }, 'dispatch models failed to load'));

  let stopping: Promise<void> | null = null;
  return {
    deps,
    server,
    stop() {
      stopping ??= (async () => {
        deps.lifecycle.draining = true;
        // Stop accepting; requests in flight finish (idle keep-alive connections are closed by Node).
        await new Promise<void>((resolve) => server.close(() => resolve()));
        // Let deliveries in flight finish and be recorded; anything unfinished is retried by another process.
        await background.stop();
        await closeDeps(deps);
      })();
      return stopping;
    },
  };
}
