// Sections of BENCHMARKS.md beyond the ticket lifecycle (chat, front-end bundles) are added here.
import type { S3Settings } from '../apps/gateway/src/services/manager.js';

export async function extraSections(_env: { mongoUri: string; s3: S3Settings; dataDir: string; seconds: number }): Promise<string> {
  return '';
}
