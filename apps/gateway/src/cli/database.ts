// Finds the database a CLI command should use: MONGODB_URI, a running gateway's embedded one
// (MINHU_DATA_DIR/services.json, written by main.ts), or the embedded one started just for the command.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { startServices } from '../services/manager.js';

export function runningServicesFile(dataDir: string): string {
  return join(dataDir, 'services.json');
}

function runningGatewayMongo(dataDir: string): string | null {
  const file = runningServicesFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    const { pid, mongoUri } = JSON.parse(readFileSync(file, 'utf8')) as { pid: number; mongoUri: string };
    process.kill(pid, 0); // throws when that process is gone
    return mongoUri;
  } catch {
    return null;
  }
}

export async function withDatabase(config: Config, fn: (mongoUri: string) => Promise<void>): Promise<void> {
  const uri = config.mongoUri ?? runningGatewayMongo(config.dataDir);
  if (uri) return fn(uri);
  // Only the database is needed: give a dummy S3 so no storage server starts.
  const services = await startServices({
    dataDir: config.dataDir,
    s3: { endpoint: 'http://127.0.0.1:1', accessKey: 'unused', secretKey: 'unused', bucket: 'unused', region: 'us-east-1' },
    bucket: config.s3Bucket,
    log: (l) => console.error(`[minhu] ${l}`),
  });
  try {
    await fn(services.mongoUri);
  } finally {
    await services.stop();
  }
}
