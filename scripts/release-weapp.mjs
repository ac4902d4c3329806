// `npm run release:weapp`: the mini-program as it is uploaded to WeChat — built against the city's
// https gateway with the real AppID, checked to contain no localhost, and the server domains listed
// that must be registered in the WeChat console. Builds into its own folder (default
// apps/miniprogram/dist-release, or `--out DIR`) so the development build in dist/ stays as it is.
// Node built-ins only.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const appRoot = join(root, 'apps/miniprogram');
const DEFAULT_OUT = join(appRoot, 'dist-release');

/** Strings that must not survive into a release (a development address baked in somewhere). */
const FORBIDDEN = ['localhost', '127.0.0.1'];

/** Why a server address cannot be registered in WeChat, or null: https, a public domain name. */
function urlProblem(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a URL`;
  }
  if (url.protocol !== 'https:') return `must be an https:// URL (WeChat only calls https servers), got "${value}"`;
  if (url.username || url.password || url.search || url.hash) return `must be a plain origin or base path, without credentials, query or fragment`;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return `points at localhost ("${value}"): phones cannot reach it`;
  if (isIP(host)) return `uses the IP address ${host}: WeChat only accepts registered domain names (and phones cannot reach private or loopback addresses)`;
  if (!host.includes('.') || /\.(local|internal|lan|home|corp)$/.test(host)) return `"${host}" is not a public domain name`;
  return null;
}

/** Reads and checks the environment; every problem is named, not just the first. */
function readSettings(env) {
  const problems = [];
  const apiBase = env.MINHU_API_BASE?.trim();
  if (!apiBase) problems.push('MINHU_API_BASE is missing: set it to the gateway the mini-program calls, e.g. https://12345.example.gov.cn');
  else {
    const p = urlProblem(apiBase);
    if (p) problems.push(`MINHU_API_BASE ${p}`);
  }
  const appId = env.MINHU_WEAPP_APPID?.trim();
  if (!appId) problems.push('MINHU_WEAPP_APPID is missing: set it to the mini-program AppID from the WeChat console (开发管理 → 开发设置)');
  else if (!/^wx[0-9a-f]{16}$/.test(appId)) problems.push(`MINHU_WEAPP_APPID "${appId}" is not a WeChat AppID ("wx" followed by 16 hex characters)`);
  const storage = env.S3_PUBLIC_ENDPOINT?.trim() || null;
  if (storage) {
    const p = urlProblem(storage);
    if (p) problems.push(`S3_PUBLIC_ENDPOINT ${p}`);
  }
  return { problems, apiBase: apiBase?.replace(/\/+$/, ''), appId, storage };
}

function outDirFrom(argv) {
  const i = argv.indexOf('--out');
  if (i === -1) return DEFAULT_OUT;
  if (!argv[i + 1]) fail(['--out needs a folder']);
  const out = resolve(argv[i + 1]);
  // Taro empties its output folder first: never point it at the sources or the development build.
  const inside = (dir, parent) => dir === parent || dir.startsWith(parent + sep);
  if (inside(appRoot, out) || inside(out, join(appRoot, 'src')) || out === join(appRoot, 'dist')) {
    fail([`--out ${out} would overwrite the sources or the development build; choose another folder`]);
  }
  return out;
}

function fail(problems) {
  console.error('[release:weapp] Cannot build a release:');
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

/** The AppID goes into the built project.config.json (Taro copies apps/miniprogram's; written if not). */
function writeProjectConfig(out, appId) {
  const built = join(out, 'project.config.json');
  const config = JSON.parse(readFileSync(existsSync(built) ? built : join(appRoot, 'project.config.json'), 'utf8'));
  config.appid = appId;
  // Development turns the domain check off for localhost; a release keeps WeChat's check on.
  config.setting = { ...config.setting, urlCheck: true };
  writeFileSync(built, `${JSON.stringify(config, null, 2)}\n`);
}

const settings = readSettings(process.env);
const out = outDirFrom(process.argv.slice(2));
if (settings.problems.length) fail(settings.problems);
const { apiBase, appId, storage } = settings;

console.log(`[release:weapp] Building the mini-program for ${apiBase} into ${out} (about a minute) …`);
try {
  execFileSync('npx', ['taro', 'build', '--type', 'weapp'], {
    cwd: appRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', TARO_ENV: 'weapp', MINHU_API_BASE: apiBase, MINHU_WEAPP_OUTPUT: out },
  });
} catch {
  fail(['the Taro build failed (its errors are above)']);
}
if (!existsSync(join(out, 'app.json'))) fail([`the build wrote no app.json into ${out}`]);

writeProjectConfig(out, appId);

const files = listFiles(out);
const leftovers = [];
for (const file of files) {
  const text = readFileSync(file, 'latin1');
  for (const s of FORBIDDEN) if (text.includes(s)) leftovers.push(`${relative(out, file)} contains "${s}"`);
}
if (leftovers.length) fail(['the output still points at a development address:', ...leftovers]);
const js = files.filter((f) => f.endsWith('.js')).map((f) => readFileSync(f, 'utf8')).join('\n');
if (!js.includes(JSON.stringify(apiBase))) fail([`the output does not contain MINHU_API_BASE (${apiBase}); the build did not take it`]);

const apiOrigin = new URL(apiBase).origin;
const storageOrigin = storage ? new URL(storage).origin : null;
const storageLine = storageOrigin ?? '(S3_PUBLIC_ENDPOINT not set — see below)';
console.log(`
[release:weapp] Release build ready: ${out}
  AppID ${appId} written to ${join(out, 'project.config.json')}; no localhost in the output.
  Open that folder in WeChat DevTools and upload it.

Register these server domains in the WeChat console (开发管理 → 开发设置 → 服务器域名):
  request 合法域名:      ${apiOrigin}
  uploadFile 合法域名:   ${storageLine}
  downloadFile 合法域名: ${storageLine}`);
if (!storageOrigin) {
  console.log(`
  S3_PUBLIC_ENDPOINT is not set, so the uploadFile and downloadFile domains are unknown here. Photos and
  videos upload straight to the storage service and their links come from it: register the https origin
  the gateway signs links with (its S3_PUBLIC_ENDPOINT, or S3_ENDPOINT when that is unset), or run again
  with S3_PUBLIC_ENDPOINT set to have it checked and printed.`);
}
