// @vitest-environment node
// `npm run release:weapp` (scripts/release-weapp.mjs): wrong or missing settings stop it before the
// build, naming each; a valid run builds once into a temp folder (never over the development dist/)
// with the AppID in project.config.json, no localhost anywhere, and the domains to register printed.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, REPO_ROOT, WEAPP_DIST } from '../scripts/bundle-metrics';

const SCRIPT = path.join(REPO_ROOT, 'scripts/release-weapp.mjs');
const SETTINGS = ['MINHU_API_BASE', 'MINHU_WEAPP_APPID', 'S3_PUBLIC_ENDPOINT', 'MINHU_WEAPP_OUTPUT'];
const APPID = 'wx0123456789abcdef';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function release(env: Record<string, string>, args: string[] = []): Promise<Run> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !SETTINGS.includes(k)));
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], { cwd: REPO_ROOT, env: { ...base, ...env } as NodeJS.ProcessEnv, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

describe('release:weapp refuses settings WeChat or phones cannot use', () => {
  it('names every missing variable', async () => {
    const r = await release({});
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('MINHU_API_BASE is missing');
    expect(r.stderr).toContain('MINHU_WEAPP_APPID is missing');
  });

  it.each([
    [{ MINHU_API_BASE: 'http://12345.example.gov.cn', MINHU_WEAPP_APPID: APPID }, 'MINHU_API_BASE must be an https:// URL'],
    [{ MINHU_API_BASE: 'https://localhost:3000', MINHU_WEAPP_APPID: APPID }, 'MINHU_API_BASE points at localhost'],
    [{ MINHU_API_BASE: 'https://127.0.0.1', MINHU_WEAPP_APPID: APPID }, 'MINHU_API_BASE uses the IP address 127.0.0.1'],
    [{ MINHU_API_BASE: 'https://192.168.1.20:8443', MINHU_WEAPP_APPID: APPID }, 'MINHU_API_BASE uses the IP address 192.168.1.20'],
    [{ MINHU_API_BASE: 'not a url', MINHU_WEAPP_APPID: APPID }, 'MINHU_API_BASE "not a url" is not a URL'],
    [{ MINHU_API_BASE: 'https://12345.example.gov.cn', MINHU_WEAPP_APPID: 'touristappid' }, 'MINHU_WEAPP_APPID "touristappid" is not a WeChat AppID'],
    [{ MINHU_API_BASE: 'https://12345.example.gov.cn', MINHU_WEAPP_APPID: 'wx0123' }, 'MINHU_WEAPP_APPID "wx0123" is not a WeChat AppID'],
    [{ MINHU_API_BASE: 'https://12345.example.gov.cn', MINHU_WEAPP_APPID: APPID, S3_PUBLIC_ENDPOINT: 'http://media.example.gov.cn' }, 'S3_PUBLIC_ENDPOINT must be an https:// URL'],
  ])('%o → fails naming the variable', async (env, message) => {
    const r = await release(env);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(message);
    expect(r.stdout).not.toContain('Building');
  });

  it('will not build over the development dist/', async () => {
    const r = await release({ MINHU_API_BASE: 'https://12345.example.gov.cn', MINHU_WEAPP_APPID: APPID }, ['--out', WEAPP_DIST]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('would overwrite');
  });
});

describe('release:weapp with valid settings', () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'minhu-release-')), 'weapp');
  let run: Run;

  beforeAll(async () => {
    run = await release(
      { MINHU_API_BASE: 'https://12345.example.gov.cn/', MINHU_WEAPP_APPID: APPID, S3_PUBLIC_ENDPOINT: 'https://media.example.gov.cn:8443/minhu-media' },
      ['--out', out],
    );
  }, 600_000);
  afterAll(() => rmSync(path.dirname(out), { recursive: true, force: true }));

  it('builds, writes the AppID and keeps WeChat’s domain check on', () => {
    expect(run.code, run.stderr).toBe(0);
    const project = JSON.parse(readFileSync(path.join(out, 'project.config.json'), 'utf8'));
    expect(project).toMatchObject({ appid: APPID, setting: { urlCheck: true } });
    expect(existsSync(path.join(out, 'app.json'))).toBe(true);
  });

  it('leaves no localhost in the output and talks to the given gateway', () => {
    const files = listFiles(out);
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = readFileSync(path.join(out, f), 'latin1');
      expect(text.includes('localhost') || text.includes('127.0.0.1'), f).toBe(false);
    }
    const js = files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(path.join(out, f), 'utf8')).join('\n');
    expect(js).toContain('"https://12345.example.gov.cn"');
  });

  it('prints the server domains to register', () => {
    expect(run.stdout).toMatch(/request 合法域名:\s+https:\/\/12345\.example\.gov\.cn\n/);
    expect(run.stdout).toMatch(/uploadFile 合法域名:\s+https:\/\/media\.example\.gov\.cn:8443\n/);
    expect(run.stdout).toMatch(/downloadFile 合法域名:\s+https:\/\/media\.example\.gov\.cn:8443/);
  });

  it('leaves the development build alone', () => {
    if (!existsSync(WEAPP_DIST)) return;
    const js = listFiles(WEAPP_DIST).filter((f) => f.endsWith('.js'));
    for (const f of js) expect(readFileSync(path.join(WEAPP_DIST, f), 'utf8').includes('12345.example.gov.cn'), f).toBe(false);
    expect(readFileSync(path.join(WEAPP_DIST, 'project.config.json'), 'utf8')).not.toContain(APPID);
  });
});
