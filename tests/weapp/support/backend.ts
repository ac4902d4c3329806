// What a mini-program journey runs against: the WeChat stand-in (code2Session) and a real gateway
// wired to it, on the run's SecantusDB and MinIO, plus a phone data folder and helpers to read the
// server's state (tickets in the database, objects in storage).
import { randomBytes } from 'node:crypto';
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
  close(): Promise<void>;
}

export async function startBackend(env: Record<string, string> = {}): Promise<Backend> {
  const wechat = await startWechatStandin(WECHAT_APP_ID, WECHAT_APP_SECRET);
  const gw = await startTestGateway({ WECHAT_APP_ID, WECHAT_APP_SECRET, WECHAT_API_BASE: wechat.base, CHAT_IP_PER_MINUTE: '1000', ...env });
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
    async close() {
      await gw.close();
      await wechat.close();
      await rm(dataDir, { recursive: true, force: true });
      await rm(picsDir, { recursive: true, force: true });
    },
  };
}
