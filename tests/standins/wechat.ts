// A local stand-in for WeChat's API, speaking its real protocol (JSON bodies with errcode/errmsg):
// jscode2session for mini-program login, cgi-bin/token and subscribe messages.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WechatStandin {
  base: string;
  /** Codes accepted by jscode2session, mapped to their openid. */
  codes: Map<string, { openid: string; unionid?: string }>;
  requests: Array<{ path: string; query: URLSearchParams; body: unknown }>;
  /** Subscribe messages received. */
  subscribeMessages: unknown[];
  /** Fail the next N requests with HTTP 500. */
  failNext: number;
  /** Openids that have not granted subscribe messages (WeChat answers errcode 43101). */
  unsubscribed: Set<string>;
  close(): Promise<void>;
}

export async function startWechatStandin(appId: string, appSecret: string): Promise<WechatStandin> {
  const state: Omit<WechatStandin, 'base' | 'close'> = { codes: new Map(), requests: [], subscribeMessages: [], failNext: 0, unsubscribed: new Set() };
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
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      if (!tokens.has(q.get('access_token') ?? '')) return send(200, { errcode: 40001, errmsg: 'invalid credential' });
      if (state.unsubscribed.has(body?.touser)) return send(200, { errcode: 43101, errmsg: 'user refuse to accept the msg' });
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
