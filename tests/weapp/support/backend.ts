// What a mini-program journey runs against: the WeChat stand-in (code2Session) and a real gateway
// wired to it, on the run's SecantusDB and MinIO, plus a phone data folder and helpers to read the
// server's state (tickets in the database, objects in storage).
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addStaff } from '../../../apps/gateway/src/commands/staff-accounts.js';
import { startWechatStandin, type WechatStandin } from '../../standins/wechat.js';
import { startTestGateway, type TestGateway } from '../../support/gateway.js';

export const WECHAT_APP_ID = 'wx-minhu-weapp-test';
const WECHAT_APP_SECRET = randomBytes(16).toString('hex');

export interface Backend {
  gw: TestGateway;
  wechat: WechatStandin;
  /** The phone's data folder (storage, saved and temp files). */
  dataDir: string;
  /** The phone's camera roll: real files the picker hands over. */
  picsDir: string;
  /** An operator token for the gateway's operator API. */
  operator(): Promise<string>;
  /** The stored object's size in MinIO, or null when it is not there. */
  objectSize(uploadId: string): Promise<number | null>;
  /** Names of the files the app keeps for drafts on the phone (USER_DATA_PATH/minhu-drafts). */
  keptFiles(): string[];
  close(): Promise<void>;
}

/** `background`: the gateway's relay and queue workers run too (notifications to WeChat and SMS). */
export async function startBackend(env: Record<string, string> = {}, opts: { background?: boolean } = {}): Promise<Backend> {
  const wechat = await startWechatStandin(WECHAT_APP_ID, WECHAT_APP_SECRET);
  const gw = await startTestGateway({ WECHAT_APP_ID, WECHAT_APP_SECRET, WECHAT_API_BASE: wechat.base, CHAT_IP_PER_MINUTE: '1000', ...env }, { background: opts.background });
  const dataDir = await mkdtemp(join(tmpdir(), 'minhu-phone-'));
  const picsDir = await mkdtemp(join(tmpdir(), 'minhu-pics-'));
  let op: string | null = null;
  return {
    gw,
    wechat,
    dataDir,
    picsDir,
    async operator() {
      if (op) return op;
      const { password } = await addStaff(gw.deps, { username: 'weapp-op', role: 'operator', name: '王话务员' });
      const session = await gw.api('POST', '/api/staff/session', { body: { username: 'weapp-op', password } });
      if (session.status !== 200) throw new Error(`staff sign-in failed: ${session.status}`);
      op = session.body.token as string;
      return op;
    },
    async objectSize(uploadId) {
      const record = await gw.deps.models.Upload.findById(uploadId).lean<{ objectKey: string }>();
      if (!record) return null;
      return (await gw.deps.storage.stat(record.objectKey))?.size ?? null;
    },
    keptFiles() {
      const dir = join(dataDir, 'usr', 'minhu-drafts');
      return existsSync(dir) ? readdirSync(dir) : [];
    },
    async close() {
      await gw.close();
      await wechat.close();
      await rm(dataDir, { recursive: true, force: true });
      await rm(picsDir, { recursive: true, force: true });
    },
  };
}
