// The gateway serves the built staff console at /console/ next to the H5 site at /: the console's
// index for its client-side routes, hashed assets cached for a year, missing assets 404, and the H5
// site's fallback never answering for /console/.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../../../tests/support/gateway.js';

let gw: TestGateway;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minhu-sites-'));
  await mkdir(join(dir, 'console', 'assets'), { recursive: true });
  await mkdir(join(dir, 'h5'), { recursive: true });
  await writeFile(join(dir, 'console', 'index.html'), '<!doctype html><title>民呼工作台</title>');
  await writeFile(join(dir, 'console', 'assets', 'index-abc123.js'), 'console.log("console")');
  await writeFile(join(dir, 'h5', 'index.html'), '<!doctype html><title>民呼 H5</title>');
  gw = await startTestGateway({ CONSOLE_DIST_DIR: join(dir, 'console'), H5_DIST_DIR: join(dir, 'h5') });
});
afterAll(async () => {
  await gw?.close();
  await rm(dir, { recursive: true, force: true });
});

const get = (path: string) => fetch(gw.url + path, { redirect: 'manual' });

describe('/console/', () => {
  it('serves the console, its client-side routes and its assets', async () => {
    for (const path of ['/console/', '/console/tickets', '/console/tickets/0123456789abcdef01234567', '/console/stats?from=2026-01-01']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain('民呼工作台');
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
    const asset = await get('/console/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await get('/console')).headers.get('location')).toBe('/console/');
  });

  it('keeps missing assets and paths outside the build 404, and leaves / to the H5 site and /api to the API', async () => {
    expect((await get('/console/assets/missing-123.js')).status).toBe(404);
    expect((await get('/console/..%2f..%2fpackage.json')).status).toBe(404);
    expect((await get('/console/%E0%A4%A')).status).toBe(404);
    expect(await (await get('/tickets')).text()).toContain('民呼 H5');
    expect(await (await get('/')).text()).toContain('民呼 H5');
    const api = await get('/api/nothing-here');
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('not_found');
  });

  it('answers 404 under /console/ when the console is not built, instead of the H5 site', async () => {
    const bare = await startTestGateway({ CONSOLE_DIST_DIR: join(dir, 'nowhere'), H5_DIST_DIR: join(dir, 'h5') }, { dbName: gw.deps.db.name });
    try {
      const res = await fetch(`${bare.url}/console/tickets`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('民呼 H5');
      expect(await (await fetch(`${bare.url}/tickets`)).text()).toContain('民呼 H5');
    } finally {
      await bare.close({ keepDatabase: true });
    }
  });
});
