// The real entry point (what `npm start` runs), pointed at the test run's services through
// MONGODB_URI / S3_*: it starts, serves, and stops cleanly on SIGTERM.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnGatewayProcess } from '../support/entry-point.js';
import { freePort } from '../../apps/gateway/src/services/toolbox.js';

describe('gateway entry point', () => {
  it('starts on existing servers, answers health, and shuts down gracefully on SIGTERM', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'minhu-main-'));
    const port = await freePort();
    const child = spawnGatewayProcess({ port, dataDir: dir, dbName: 'minhu_main_test', env: { LOG_LEVEL: 'warn' } });
    let output = '';
    child.stdout?.on('data', (b) => (output += b));
    child.stderr?.on('data', (b) => (output += b));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      // Start-up builds the chat engine before listening: seconds, and more on a machine busy with other tests.
      const deadline = Date.now() + 90_000;
      let health: Response | null = null;
      while (Date.now() < deadline) {
        health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
        if (health) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(health?.status, output).toBe(200);
      expect(output).toContain('Gateway listening on');
      expect(output).toContain('MongoDB: MONGODB_URI');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('Stopped.');
    } finally {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
