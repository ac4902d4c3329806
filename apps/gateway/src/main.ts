// Entry point of `npm start`: starts (or finds) MongoDB and S3, then the gateway on PORT — one process, or with
// WEB_CONCURRENCY > 1 that many cluster workers sharing the port (process/cluster.ts). Stops everything cleanly
// on SIGINT/SIGTERM; in cluster mode SIGHUP restarts the workers one by one.
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AggregatorRegistry } from 'prom-client';
import { runningServicesFile } from './cli/database.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { askPrimaryForMetrics } from './metrics/cluster-messages.js';
import { startCluster } from './process/cluster.js';
import { serveGateway } from './process/serve.js';
import { startServices, type Services } from './services/manager.js';
import { MissingPrerequisiteError } from './services/toolbox.js';

const say = (line: string) => console.log(`[minhu] ${line}`);

function onSignals(stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      say(`${signal}: shutting down …`);
      stop(signal).then(
        () => process.exit(0),
        (err) => {
          console.error('[minhu] shutdown failed:', err);
          process.exit(1);
        },
      );
    });
  }
}

function describeStart(config: Config, services: Services): void {
  say(`MongoDB: ${services.describe.mongo}`);
  say(`Storage: ${services.describe.s3}`);
  say(`Gateway listening on ${config.publicUrl} (API under /api, health at /api/health, metrics at /metrics)`);
  say(existsSync(join(config.h5DistDir, 'index.html')) ? `H5 site: ${config.publicUrl}/` : `H5 site not built (${config.h5DistDir}): npm run build:h5`);
  say(`Hotline mode: ${config.hotline.mode}${config.hotline.mode === 'webhook' ? ` → ${config.hotline.webhookUrl}` : ' (staff: npm run staff -- add <username> --role operator)'}`);
  say(`Development SMS codes are appended to ${config.sms.outboxFile}`);
  say('Try: curl -s -XPOST -H "content-type: application/json" -d \'{"phone":"13800138000"}\' ' + `${config.publicUrl}/api/auth/otp/request`);
}

/** A cluster worker: its services were started (or named) by the primary and arrive as MONGODB_URI / S3_*. */
async function worker(config: Config): Promise<void> {
  const gateway = await serveGateway(config, config.mongoUri!, config.s3!, { metricsSource: () => askPrimaryForMetrics() });
  // Constructing one installs prom-client's answer to the primary's requests; it answers from our registry.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([gateway.deps.metrics.registry]);
  // The primary asks for a stop with SIGTERM; a primary that vanished leaves the worker alone: stop too.
  onSignals(() => gateway.stop());
  // The stop is given ten seconds: with the primary gone its embedded database may be gone too, and a stop that
  // waits on it must not leave the worker running (seen in CI: two workers outlived a killed primary by minutes).
  process.on('disconnect', () => {
    setTimeout(() => process.exit(0), 10_000).unref();
    void gateway.stop().finally(() => process.exit(0));
  });
}

async function main() {
  const config = loadConfig();
  if (cluster.isWorker) return worker(config);

  say('Starting services …');
  const services: Services = await startServices({
    dataDir: config.dataDir,
    mongoUri: config.mongoUri,
    s3: config.s3,
    bucket: config.s3Bucket,
    log: say,
  });
  // Lets `npm run staff` reach the embedded database while the gateway holds it.
  const writeServicesFile = () => writeFile(runningServicesFile(config.dataDir), JSON.stringify({ pid: process.pid, mongoUri: services.mongoUri }));

  if (config.webConcurrency > 1) {
    const running = await startCluster({
      workers: config.webConcurrency,
      env: {
        MONGODB_URI: services.mongoUri,
        S3_ENDPOINT: services.s3.endpoint,
        S3_ACCESS_KEY: services.s3.accessKey,
        S3_SECRET_KEY: services.s3.secretKey,
        S3_BUCKET: services.s3.bucket,
        S3_REGION: services.s3.region,
      },
      say,
    });
    await writeServicesFile();
    describeStart(config, services);
    process.on('SIGHUP', () => {
      say('SIGHUP: restarting workers one by one …');
      running.rollingRestart().then(() => say('Rolling restart done.'), (err) => console.error('[minhu] rolling restart failed:', err));
    });
    onSignals(async () => {
      await running.stop();
      await services.stop();
      await rm(runningServicesFile(config.dataDir), { force: true });
      say('Stopped.');
    });
    return;
  }

  const gateway = await serveGateway(config, services.mongoUri, services.s3);
  await writeServicesFile();
  describeStart(config, services);
  onSignals(async () => {
    await gateway.stop();
    await services.stop();
    await rm(runningServicesFile(config.dataDir), { force: true });
    say('Stopped.');
  });
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof MissingPrerequisiteError) {
    console.error(`[minhu] ${err.message}`);
  } else {
    console.error('[minhu] failed to start:', err);
  }
  process.exit(1);
});
