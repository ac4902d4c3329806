// A local stand-in for Alibaba Cloud's SMS API (dysmsapi, SendSms, API version 2017-05-25) speaking its
// real protocol: the request is checked against its ACS3-HMAC-SHA256 signature (canonical request over
// the method, path, sorted query, the host / content-type / x-acs-* headers and the body hash), and it
// answers like the service — `{Code: 'OK', BizId, …}`, business errors with HTTP 200 and another Code,
// auth errors with HTTP 4xx.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentSms {
  phone: string;
  signName: string;
  templateCode: string;
  params: Record<string, string>;
}

export interface AliyunSmsStandin {
  /** `http://127.0.0.1:PORT`, for ALIYUN_SMS_ENDPOINT. */
  url: string;
  sent: SentSms[];
  /** Requests refused for their signature or credentials. */
  refused: Array<{ code: string }>;
  /** Answer the next N sends with this business error Code (HTTP 200, not sent). */
  businessError: { code: string; message: string; times: number } | null;
  close(): Promise<void>;
}

/** Alibaba Cloud's percent-encoding (RFC 3986, plus !'()* encoded). */
function encode(s: string): string {
  return encodeURIComponent(s).replace(/!/g, '%21').replace(/'/g, '%27').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\*/g, '%2A');
}

function expectedSignature(secret: string, method: string, path: string, query: URLSearchParams, headers: Record<string, string>, signedHeaders: string[], payloadHash: string): string {
  const canonicalQuery = [...query.keys()].sort().map((k) => `${k}=${encode(query.get(k) ?? '')}`).join('&');
  const canonicalHeaders = signedHeaders.map((h) => `${h}:${(headers[h] ?? '').trim()}\n`).join('');
  const canonicalRequest = [method, path, canonicalQuery, canonicalHeaders, signedHeaders.join(';'), payloadHash].join('\n');
  const stringToSign = `ACS3-HMAC-SHA256\n${createHash('sha256').update(canonicalRequest).digest('hex')}`;
  return createHmac('sha256', secret).update(stringToSign).digest('hex');
}

export async function startAliyunSmsStandin(accessKeyId: string, accessKeySecret: string): Promise<AliyunSmsStandin> {
  const state: Omit<AliyunSmsStandin, 'url' | 'close'> = { sent: [], refused: [], businessError: null };
  let seq = 0;
  const server: Server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const url = new URL(req.url ?? '/', 'http://x');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
    const answer = (status: number, data: Record<string, unknown>) => {
      res.writeHead(status, { 'content-type': 'application/json;charset=utf-8' });
      res.end(JSON.stringify({ RequestId: `req-${++seq}`, ...data }));
    };
    const refuse = (status: number, code: string, message: string) => {
      state.refused.push({ code });
      answer(status, { Code: code, Message: message });
    };

    const auth = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]+)$/.exec(headers.authorization ?? '');
    if (!auth) return refuse(400, 'MissingAuthorization', 'Authorization is mandatory for this action.');
    const [, keyId, signed, signature] = auth;
    if (keyId !== accessKeyId) return refuse(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    const payloadHash = createHash('sha256').update(body).digest('hex');
    if (headers['x-acs-content-sha256'] !== payloadHash) return refuse(400, 'IncompleteSignature', 'The request body hash does not match.');
    const signedHeaders = signed!.split(';');
    if (!signedHeaders.includes('host') || !signedHeaders.includes('x-acs-action') || !signedHeaders.includes('x-acs-date')) {
      return refuse(400, 'IncompleteSignature', 'Required headers are not signed.');
    }
    const expected = expectedSignature(accessKeySecret, req.method ?? 'POST', url.pathname, url.searchParams, headers, signedHeaders, payloadHash);
    if (expected.length !== signature!.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(signature!))) {
      return refuse(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
    }
    if (headers['x-acs-action'] !== 'SendSms' || headers['x-acs-version'] !== '2017-05-25') return refuse(400, 'InvalidAction.NotFound', 'Specified api is not found.');

    const q = url.searchParams;
    if (state.businessError && state.businessError.times > 0) {
      state.businessError.times--;
      return answer(200, { Code: state.businessError.code, Message: state.businessError.message });
    }
    if (!/^1[3-9]\d{9}$/.test(q.get('PhoneNumbers') ?? '')) return answer(200, { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: '非法手机号' });
    let params: Record<string, string>;
    try {
      params = JSON.parse(q.get('TemplateParam') ?? '{}');
    } catch {
      return answer(200, { Code: 'isv.INVALID_JSON_PARAM', Message: 'JSON参数不合法，只接受字符串值' });
    }
    state.sent.push({ phone: q.get('PhoneNumbers')!, signName: q.get('SignName') ?? '', templateCode: q.get('TemplateCode') ?? '', params });
    answer(200, { Code: 'OK', Message: 'OK', BizId: `${Date.now()}^${seq}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(state, { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }) as AliyunSmsStandin;
}
