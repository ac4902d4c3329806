// Entry point of `npm start`: starts (or finds) MongoDB and S3, then the gateway on PORT.
// Stops everything cleanly on SIGINT/SIGTERM.
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { createApp } from './app.js';
import { closeDeps, createDeps } from './bootstrap.js';
import { startBackgroundWork } from './background.js';
import { runningServicesFile } from './cli/database.js';
import { ConfigError, loadConfig } from './config.js';
import { startServices, type Services } from './services/manager.js';
import { MissingPrerequisiteError } from './services/toolbox.js';

async function main() {
  const config = loadConfig();
  const say = (line: string) => console.log(`[minhu] ${line}`);
  say('Starting services …');
  const services: Services = await startServices({
    dataDir: config.dataDir,
    mongoUri: config.mongoUri,
    s3: config.s3,
    bucket: config.s3Bucket,
    log: say,
  });
  const deps = await createDeps({ config, mongoUri: services.mongoUri, s3: services.s3 });
  const app = createApp(deps);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
  });

  const background = startBackgroundWork(deps);
  // The console's ticket index reads every ticket once; do it now rather than on the first request.
  deps.ticketIndex.warmUp();
  // Dispatch's models: from the cache, or trained in a worker thread (the first start takes a while).
  deps.dispatch.ready().catch((err) => deps.logger.error({ err }, 'dispatch models failed to load'));
  // Lets `npm run staff` reach the embedded database while the gateway holds it.
  await writeFile(runningServicesFile(config.dataDir), JSON.stringify({ pid: process.pid, mongoUri: services.mongoUri }));

  say(`MongoDB: ${services.describe.mongo}`);
  say(`Storage: ${services.describe.s3}`);
  say(`Gateway listening on ${config.publicUrl} (API under /api, health at /api/health)`);
  say(existsSync(join(config.h5DistDir, 'index.html')) ? `H5 site: ${config.publicUrl}/` : `H5 site not built (${config.h5DistDir}): npm run build:h5`);
  say(`Hotline mode: ${config.hotline.mode}${config.hotline.mode === 'webhook' ? ` → ${config.hotline.webhookUrl}` : ' (staff: npm run staff -- add <username> --role operator)'}`);
  say(`Development SMS codes are appended to ${config.sms.outboxFile}`);
  say('Try: curl -s -XPOST -H "content-type: application/json" -d \'{"phone":"13800138000"}\' ' + `${config.publicUrl}/api/auth/otp/request`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: shutting down …`);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    // Let deliveries in flight finish and be recorded; anything unfinished is retried after restart.
    await background.stop();
    await closeDeps(deps);
    await services.stop();
    await rm(runningServicesFile(config.dataDir), { force: true });
    say('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof MissingPrerequisiteError) {
    console.error(`[minhu] ${err.message}`);
  } else {
    console.error('[minhu] failed to start:', err);
  }
  process.exit(1);
});
