// WEB_CONCURRENCY=2 through the real entry point: two workers answer on one port (health names each pid),
// /metrics aggregates them, SIGHUP replaces every worker while requests keep being answered, SIGTERM stops all.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnGatewayProcess } from '../support/entry-point.js';
import { getOnce } from '../support/http-once.js';
import { freePort } from '../../apps/gateway/src/services/toolbox.js';

/**
 * Which workers answer `requests` health checks. Node's round-robin scheduler can leave an accepted connection
 * unread in the primary (nodejs/node#3551's kind; seen once in CI on 2026-12-04): such a check is asked again, once
 * in the whole run, and a second loss fails the test.
 */
let retriesLeft = 1;
async function pidsSeen(url: string, requests: number): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < requests; i++) {
    const res = await getOnce(`${url}/api/health/live`, {}, 10_000).catch((err: Error) => {
      if (retriesLeft-- <= 0) throw err;
      return getOnce(`${url}/api/health/live`, {}, 10_000);
    });
    expect(res.status).toBe(200);
    pids.add(JSON.parse(res.body).pid);
  }
  return pids;
}

describe('WEB_CONCURRENCY (node:cluster)', () => {
  it('runs two workers on one port, aggregates metrics, restarts them one by one without a failed request, and stops', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'minhu-cluster-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawnGatewayProcess({ port, dataDir: dir, dbName: 'minhu_cluster_test', env: { LOG_LEVEL: 'warn', WEB_CONCURRENCY: '2' } });
    let output = '';
    child.stdout?.on('data', (b) => (output += b));
    child.stderr?.on('data', (b) => (output += b));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 240_000; // a worker builds its chat engine before it listens; the machine may be busy
      while (!output.includes('Gateway listening on') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect(output).toContain('2 gateway workers listening');

      const before = await pidsSeen(url, 12);
      expect(before.size, output).toBe(2);
      expect(before.has(child.pid!)).toBe(false); // the primary only hands connections over

      const metrics = await getOnce(`${url}/metrics`);
      expect(metrics.status, metrics.body + output).toBe(200);
      expect(metrics.body).toContain('minhu_http_request_duration_seconds_bucket');
      // Twelve health checks were answered across the two workers; the aggregate counts all of them.
      const live = /minhu_http_request_duration_seconds_count\{method="GET",route="\/api\/health\/live",status="200"\} (\d+)/.exec(metrics.body);
      expect(Number(live?.[1])).toBe(12);
      expect(metrics.body).toMatch(/minhu_queue_depth\{queue="notify"\} \d+/);

      // Rolling restart under steady requests: none may fail.
      let failures = 0;
      let answered = 0;
      let loading = true;
      const load = (async () => {
        while (loading) {
          const res = await getOnce(`${url}/api/health/live`).catch(() => ({ status: 0, body: '' }));
          if (res.status === 200) answered++;
          else failures++;
        }
      })();
      child.kill('SIGHUP');
      const restartDeadline = Date.now() + 300_000;
      while (!output.includes('Rolling restart done.') && Date.now() < restartDeadline) await new Promise((r) => setTimeout(r, 200));
      loading = false;
      await load;
      expect(output, output).toContain('Rolling restart done.');
      expect(failures).toBe(0);
      expect(answered).toBeGreaterThan(0);
      const after = await pidsSeen(url, 12);
      expect(after.size).toBe(2);
      for (const pid of after) expect(before.has(pid)).toBe(false);

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('Stopped.');
    } finally {
      child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  }, 900_000);
});
