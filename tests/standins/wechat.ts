// A local stand-in for WeChat's API, speaking its real protocol (JSON bodies with errcode/errmsg):
// jscode2session for mini-program login, cgi-bin/token, subscribe messages and getuserphonenumber
// (手机号快速验证).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WechatStandin {
  base: string;
  /** Codes accepted by jscode2session, mapped to their openid. */
  codes: Map<string, { openid: string; unionid?: string }>;
  /** getPhoneNumber codes accepted by getuserphonenumber (each works once), mapped to the number and its country code. */
  phoneCodes: Map<string, { purePhoneNumber: string; countryCode?: string }>;
  requests: Array<{ path: string; query: URLSearchParams; body: unknown }>;
  /** Subscribe messages received. */
  subscribeMessages: unknown[];
  /** Fail the next N requests with HTTP 500. */
  failNext: number;
  /** Openids that have not granted subscribe messages (WeChat answers errcode 43101). */
  unsubscribed: Set<string>;
  close(): Promise<void>;
}

/** WeChat's rules per field type (the key's name without its number): the first field that breaks them. */
function invalidSubscribeField(data: Record<string, { value?: unknown }> | undefined): string | null {
  const rules: Record<string, (v: string) => boolean> = {
    thing: (v) => Array.from(v).length <= 20,
    phrase: (v) => /^\p{Script=Han}{1,5}$/u.test(v),
    character_string: (v) => /^[A-Za-z0-9_.:#-]{1,32}$/.test(v),
    time: (v) => /^(\d{4}年\d{1,2}月\d{1,2}日 )?\d{2}:\d{2}$/.test(v),
  };
  for (const [key, field] of Object.entries(data ?? {})) {
    const rule = rules[key.replace(/\d+$/, '')];
    if (!rule || typeof field?.value !== 'string' || !rule(field.value)) return key;
  }
  return null;
}

export async function startWechatStandin(appId: string, appSecret: string): Promise<WechatStandin> {
  const state: Omit<WechatStandin, 'base' | 'close'> = { codes: new Map(), phoneCodes: new Map(), requests: [], subscribeMessages: [], failNext: 0, unsubscribed: new Set() };
  let tokenSeq = 0;
  const tokens = new Set<string>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : undefined;
    state.requests.push({ path: url.pathname, query: url.searchParams, body });
    const send = (status: number, data: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(data));
    };
    if (state.failNext > 0) {
      state.failNext--;
      return send(500, { errcode: -1, errmsg: 'system error' });
    }
    const q = url.searchParams;
    if (url.pathname === '/sns/jscode2session') {
      if (q.get('appid') !== appId || q.get('secret') !== appSecret) return send(200, { errcode: 40125, errmsg: 'invalid appsecret' });
      if (q.get('grant_type') !== 'authorization_code') return send(200, { errcode: 40002, errmsg: 'invalid grant_type' });
      const hit = state.codes.get(q.get('js_code') ?? '');
      if (!hit) return send(200, { errcode: 40029, errmsg: 'invalid code' });
      state.codes.delete(q.get('js_code')!); // a code works once
      return send(200, { openid: hit.openid, session_key: 'c2Vzc2lvbmtleQ==', ...(hit.unionid ? { unionid: hit.unionid } : {}) });
    }
    if (url.pathname === '/cgi-bin/token') {
      if (q.get('appid') !== appId || q.get('secret') !== appSecret) return send(200, { errcode: 40125, errmsg: 'invalid appsecret' });
      const token = `token-${++tokenSeq}`;
      tokens.add(token);
      return send(200, { access_token: token, expires_in: 7200 });
    }
    if (url.pathname === '/wxa/business/getuserphonenumber') {
      if (req.method !== 'POST') return send(200, { errcode: 43002, errmsg: 'require POST method' });
      if (!tokens.has(q.get('access_token') ?? '')) return send(200, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      const hit = state.phoneCodes.get(typeof body?.code === 'string' ? body.code : '');
      if (!hit) return send(200, { errcode: 40029, errmsg: 'invalid code' });
      state.phoneCodes.delete(body.code); // a code works once
      const countryCode = hit.countryCode ?? '86';
      return send(200, {
        errcode: 0,
        errmsg: 'ok',
        phone_info: {
          phoneNumber: countryCode === '86' ? hit.purePhoneNumber : `+${countryCode}${hit.purePhoneNumber}`,
          purePhoneNumber: hit.purePhoneNumber,
          countryCode,
          watermark: { timestamp: Math.floor(Date.now() / 1000), appid: appId },
        },
      });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      if (!tokens.has(q.get('access_token') ?? '')) return send(200, { errcode: 40001, errmsg: 'invalid credential' });
      if (state.unsubscribed.has(body?.touser)) return send(200, { errcode: 43101, errmsg: 'user refuse to accept the msg' });
      const invalid = invalidSubscribeField(body?.data);
      if (invalid) return send(200, { errcode: 47003, errmsg: `argument invalid! data.${invalid}.value invalid` });
      state.subscribeMessages.push(body);
      return send(200, { errcode: 0, errmsg: 'ok' });
    }
    send(404, { errcode: 404, errmsg: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, {
    base,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as WechatStandin;
}
