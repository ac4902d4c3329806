// WeChat API through co-wechat-api. Its URL prefixes are instance properties, so WECHAT_API_BASE can
// point it at a local stand-in; the access token is shared through MongoDB by several gateways.
// Every error leaving this module has the app secret and access tokens masked (they sit in URLs).
import WechatAPI from 'co-wechat-api';
import { postJSON } from 'co-wechat-api/lib/util.js';
import type { Connection } from 'mongoose';
import { redactError } from './redact.js';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

export interface WechatClient {
  readonly configured: boolean;
  /** Exchanges a mini-program login code; throws WechatCodeError for a code WeChat refuses. */
  code2Session(code: string): Promise<WechatSession>;
  /** Exchanges a getPhoneNumber code (手机号快速验证) for the citizen's number; WechatCodeError when refused. */
  phoneNumber(code: string): Promise<WechatPhone>;
  /** The underlying co-wechat-api instance (subscribe messages, …). */
  readonly api: InstanceType<typeof WechatAPI> | null;
}

export interface WechatPhone {
  /** The number without country code. */
  number: string;
  /** Country calling code, '86' for mainland China. */
  countryCode: string;
}

export class WechatCodeError extends Error {
  override name = 'WechatCodeError';
}
export class WechatUnavailableError extends Error {
  override name = 'WechatUnavailableError';
}

interface StoredToken {
  accessToken: string;
  expireTime: number;
}

/** A WeChat answer with an errcode (co-wechat-api throws these as WeChatAPIError with `code`). */
function wechatErrcode(err: unknown): number | null {
  const e = err as { name?: string; code?: unknown };
  return e?.name === 'WeChatAPIError' && typeof e.code === 'number' ? e.code : null;
}

/** errcodes that blame the code the client sent (invalid, used, expired, risky user), not WeChat or us. */
const CODE_ERRORS = new Set([40029, 40163, 40226, 40013, 41008, 45011]);

function codeOrUnavailable(err: unknown, what: string): Error {
  const code = wechatErrcode(err);
  if (code !== null && CODE_ERRORS.has(code)) return new WechatCodeError(`${code} ${(err as Error).message}`);
  return new WechatUnavailableError(`${what}: ${(err as Error)?.message ?? 'WeChat is unreachable'}`);
}

export function createWechatClient(opts: { appId?: string; appSecret?: string; apiBase: string; db: Connection }): WechatClient {
  if (!opts.appId || !opts.appSecret) {
    const unavailable = async (): Promise<never> => {
      throw new WechatUnavailableError('WECHAT_APP_ID / WECHAT_APP_SECRET are not configured');
    };
    return { configured: false, api: null, code2Session: unavailable, phoneNumber: unavailable };
  }
  const tokens = opts.db.collection<{ _id: string } & StoredToken>('wechat_tokens');
  const appId = opts.appId;
  const secrets = [opts.appSecret];
  const api = new WechatAPI(
    appId,
    opts.appSecret,
    async () => {
      const doc = await tokens.findOne({ _id: appId });
      return doc ? { accessToken: doc.accessToken, expireTime: doc.expireTime } : null;
    },
    async (token: StoredToken | null) => {
      if (!token) await tokens.deleteOne({ _id: appId });
      else await tokens.updateOne({ _id: appId }, { $set: { accessToken: token.accessToken, expireTime: token.expireTime } }, { upsert: true });
    },
  );
  const base = opts.apiBase.replace(/\/+$/, '');
  api.prefix = `${base}/cgi-bin/`;
  api.snsPrefix = `${base}/sns/`;
  api.wxaPrefix = `${base}/wxa/`;
  api.customservicePrefix = `${base}/customservice/`;
  api.setOpts({ timeout: 5000 });
  // Every call (and co-wechat-api's own token refresh and retries) goes through request(): mask there.
  const request = api.request.bind(api);
  api.request = async (url: string, reqOpts?: unknown, retry?: number) => {
    try {
      return await request(url, reqOpts, retry);
    } catch (err) {
      throw redactError(err, secrets);
    }
  };

  return {
    configured: true,
    api,
    async code2Session(code) {
      let data: { openid?: string; unionid?: string };
      try {
        data = await api.code2Session(code);
      } catch (err) {
        throw codeOrUnavailable(err, 'code2Session');
      }
      if (!data || typeof data.openid !== 'string' || !data.openid) throw new WechatUnavailableError('WeChat answered without an openid');
      return { openid: data.openid, unionid: typeof data.unionid === 'string' ? data.unionid : undefined };
    },
    async phoneNumber(code) {
      let data: { phone_info?: { purePhoneNumber?: unknown; countryCode?: unknown } };
      try {
        const { accessToken } = await api.ensureAccessToken();
        data = await api.request(`${api.wxaPrefix}business/getuserphonenumber?access_token=${accessToken}`, postJSON({ code }));
      } catch (err) {
        throw codeOrUnavailable(err, 'getuserphonenumber');
      }
      const info = data?.phone_info;
      if (typeof info?.purePhoneNumber !== 'string' || !info.purePhoneNumber) throw new WechatUnavailableError('WeChat answered without phone_info');
      return { number: info.purePhoneNumber, countryCode: String(info.countryCode ?? '86') };
    },
  };
}
