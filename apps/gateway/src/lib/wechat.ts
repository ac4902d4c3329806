// WeChat API through co-wechat-api. Its URL prefixes are instance properties, so WECHAT_API_BASE can
// point it at a local stand-in; the access token is shared through MongoDB by several gateways.
import WechatAPI from 'co-wechat-api';
import type { Connection } from 'mongoose';

export interface WechatSession {
  openid: string;
  unionid?: string;
}

export interface WechatClient {
  readonly configured: boolean;
  /** Exchanges a mini-program login code; throws WechatCodeError for a code WeChat refuses. */
  code2Session(code: string): Promise<WechatSession>;
  /** The underlying co-wechat-api instance (subscribe messages, …). */
  readonly api: InstanceType<typeof WechatAPI> | null;
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

export function createWechatClient(opts: { appId?: string; appSecret?: string; apiBase: string; db: Connection }): WechatClient {
  if (!opts.appId || !opts.appSecret) {
    return {
      configured: false,
      api: null,
      code2Session: async () => {
        throw new WechatUnavailableError('WECHAT_APP_ID / WECHAT_APP_SECRET are not configured');
      },
    };
  }
  const tokens = opts.db.collection<{ _id: string } & StoredToken>('wechat_tokens');
  const appId = opts.appId;
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

  return {
    configured: true,
    api,
    async code2Session(code) {
      let data: { openid?: string; unionid?: string };
      try {
        data = await api.code2Session(code);
      } catch (err) {
        const e = err as { name?: string; code?: number; message?: string };
        // 40029 invalid code, 40163 code used, 40226 risky user: the code is the problem.
        if (e.name === 'WeChatAPIError' && typeof e.code === 'number') throw new WechatCodeError(`${e.code} ${e.message}`);
        throw new WechatUnavailableError(e.message ?? 'WeChat is unreachable');
      }
      if (!data || typeof data.openid !== 'string' || !data.openid) throw new WechatUnavailableError('WeChat answered without an openid');
      return { openid: data.openid, unionid: typeof data.unionid === 'string' ? data.unionid : undefined };
    },
  };
}
