// wx.request and wx.uploadFile as real HTTP: the request really reaches the gateway (the baked
// API origin is routed to the test gateway, as DNS would), the upload is a real multipart POST of the
// local file to the presigned storage URL, with progress events, abort and timeouts.
import { randomBytes } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { basename, extname } from 'node:path';

type Callbacks = { success?: (res: any) => void; fail?: (err: any) => void; complete?: (res: any) => void };

export interface NetworkLogEntry {
  api: 'request' | 'uploadFile';
  method: string;
  /** The URL as the app asked for it. */
  url: string;
  /** Where it really went. */
  sentTo: string;
  status?: number;
  /** The answer as the app received it (requests only). */
  body?: unknown;
  /** Progress events handed to onProgressUpdate listeners (uploads only). */
  progress?: ProgressEvent[];
  /** The local file sent (uploads only). */
  filePath?: string;
  /** The timeout the app asked for, in ms (undefined: WeChat's default of 60 s). */
  timeout?: number;
  error?: string;
}

export interface NetworkDeps {
  /** Origin baked into the build → real origin of the test gateway. */
  routes: Map<string, string>;
  /** Real file behind a temp or saved path, or null. */
  realFile(path: string): string | null;
  readFile(real: string): Buffer;
  log: NetworkLogEntry[];
  /** Bytes per chunk written for uploads (smaller: more progress events). */
  uploadChunkBytes: number;
  /** Pause between upload chunks, to watch progress on a fast loopback. */
  uploadChunkDelayMs: number;
  /** Cuts each transfer in flight without a callback (the app process is gone). */
  inflight: Set<() => void>;
}

const CONTENT_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.mp4': 'video/mp4', '.mov': 'video/quicktime' };

function settle(opts: Callbacks, ok: boolean, res: any) {
  // WeChat calls back asynchronously, never inside the API call.
  setImmediate(() => {
    if (ok) opts.success?.(res);
    else opts.fail?.(res);
    opts.complete?.(res);
  });
}

function routed(deps: NetworkDeps, url: string): URL {
  const u = new URL(url);
  const target = deps.routes.get(u.origin);
  return target ? new URL(u.pathname + u.search, target) : u;
}

function headersOf(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function toQuery(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : String(v))}`)
    .join('&');
}

function send(target: URL, method: string, headers: Record<string, string | number>) {
  return (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, { method, headers });
}

/**
 * One wx network call in flight: settled exactly once (answered, failed, aborted or timed out), and cut without a
 * callback when the test tears the network down (deps.inflight).
 */
function inflightCall(deps: NetworkDeps, entry: NetworkLogEntry, opts: Callbacks) {
  let done = false;
  let req: ReturnType<typeof send> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const cut = () => {
    done = true;
    clearTimeout(timer);
    req?.destroy();
  };
  deps.inflight.add(cut);
  const finish = (ok: boolean, res: any) => {
    if (done) return;
    done = true;
    deps.inflight.delete(cut);
    clearTimeout(timer);
    if (!ok) entry.error = res.errMsg;
    settle(opts, ok, res);
  };
  return {
    finish,
    isDone: () => done,
    /** The HTTP request that carries the call; after `ms` it fails with `timedOut`. */
    start(request: ReturnType<typeof send>, ms: number, timedOut: { errMsg: string; errno: number }) {
      req = request;
      timer = setTimeout(() => {
        finish(false, timedOut);
        req?.destroy();
      }, ms);
    },
    abort(aborted: { errMsg: string; errno: number }) {
      finish(false, aborted);
      req?.destroy();
    },
  };
}

export function createRequest(deps: NetworkDeps) {
  return function request(opts: Callbacks & { url: string; method?: string; header?: Record<string, string>; data?: unknown; timeout?: number; dataType?: string; responseType?: string }) {
    const method = (opts.method ?? 'GET').toUpperCase();
    const header: Record<string, string> = { ...(opts.header ?? {}) };
    const ctKey = Object.keys(header).find((k) => k.toLowerCase() === 'content-type');
    if (!ctKey) header['content-type'] = 'application/json';
    const contentType = header[ctKey ?? 'content-type']!;
    let url = opts.url;
    let body: Buffer | undefined;
    const data = opts.data;
    if (method === 'GET' && data && typeof data === 'object') {
      const q = toQuery(data as Record<string, unknown>);
      if (q) url += (url.includes('?') ? '&' : '?') + q;
    } else if (typeof data === 'string') body = Buffer.from(data);
    else if (data instanceof ArrayBuffer) body = Buffer.from(data);
    else if (data !== undefined && data !== null) body = Buffer.from(/x-www-form-urlencoded/i.test(contentType) ? toQuery(data as Record<string, unknown>) : JSON.stringify(data));

    const entry: NetworkLogEntry = { api: 'request', method, url, sentTo: '' };
    deps.log.push(entry);
    const headerListeners = new Set<(r: { header: Record<string, string> }) => void>();
    const call = inflightCall(deps, entry, opts);
    const finish = call.finish;
    let target: URL;
    try {
      target = routed(deps, url);
    } catch {
      finish(false, { errMsg: `request:fail invalid url "${opts.url}"`, errno: 600009 });
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {}, onChunkReceived() {}, offChunkReceived() {} };
    }
    entry.sentTo = target.href;
    const req = send(target, method, { ...header, ...(body ? { 'content-length': body.length } : {}) });
    call.start(req, opts.timeout ?? 60_000, { errMsg: 'request:fail timeout', errno: 5 });
    req.on('response', (res) => {
      const h = headersOf(res);
      headerListeners.forEach((fn) => fn({ header: h }));
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (e) => finish(false, { errMsg: `request:fail ${e.message}`, errno: 600001 }));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        let parsed: unknown;
        if (opts.responseType === 'arraybuffer') parsed = raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length);
        else {
          parsed = raw.toString('utf8');
          if ((opts.dataType ?? 'json') === 'json') {
            try {
              parsed = JSON.parse(parsed as string);
            } catch {
              /* WeChat hands over the text when it is not JSON */
            }
          }
        }
        entry.status = res.statusCode;
        entry.body = parsed;
        finish(true, { data: parsed, statusCode: res.statusCode, header: h, cookies: [], errMsg: 'request:ok' });
      });
    });
    req.on('error', (e) => finish(false, { errMsg: `request:fail ${e.message}`, errno: 600001 }));
    if (body) req.write(body);
    req.end();
    return {
      abort: () => call.abort({ errMsg: 'request:fail abort', errno: 1 }),
      onHeadersReceived: (fn: (r: { header: Record<string, string> }) => void) => void headerListeners.add(fn),
      offHeadersReceived: (fn: (r: { header: Record<string, string> }) => void) => void headerListeners.delete(fn),
      onChunkReceived() {},
      offChunkReceived() {},
    };
  };
}

export interface ProgressEvent {
  progress: number;
  totalBytesSent: number;
  totalBytesExpectedToSend: number;
}

export function createUploadFile(deps: NetworkDeps) {
  return function uploadFile(opts: Callbacks & { url: string; filePath: string; name: string; header?: Record<string, string>; formData?: Record<string, unknown>; timeout?: number }) {
    const entry: NetworkLogEntry = { api: 'uploadFile', method: 'POST', url: opts.url, sentTo: '', progress: [], filePath: opts.filePath, timeout: opts.timeout };
    deps.log.push(entry);
    const progressListeners = new Set<(p: ProgressEvent) => void>();
    const call = inflightCall(deps, entry, opts);
    const finish = call.finish;
    const task = {
      abort: () => call.abort({ errMsg: 'uploadFile:fail abort', errno: 1 }),
      onProgressUpdate: (fn: (p: ProgressEvent) => void) => void progressListeners.add(fn),
      offProgressUpdate: (fn: (p: ProgressEvent) => void) => void progressListeners.delete(fn),
      onHeadersReceived() {},
      offHeadersReceived() {},
    };

    const real = opts.filePath ? deps.realFile(opts.filePath) : null;
    if (!real) {
      finish(false, { errMsg: `uploadFile:fail no such file or directory, open '${opts.filePath}'`, errno: 1300002 });
      return task;
    }
    if (!opts.name) {
      finish(false, { errMsg: 'uploadFile:fail parameter error: parameter.name should be String', errno: 1001 });
      return task;
    }
    const file = deps.readFile(real);
    const boundary = `----WeChatFormBoundary${randomBytes(12).toString('hex')}`;
    const parts: Buffer[] = [];
    for (const [k, v] of Object.entries(opts.formData ?? {})) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${typeof v === 'object' ? JSON.stringify(v) : String(v)}\r\n`));
    }
    const type = CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream';
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${opts.name}"; filename="${basename(opts.filePath)}"\r\nContent-Type: ${type}\r\n\r\n`));
    parts.push(file);
    parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
    const body = Buffer.concat(parts);

    let target: URL;
    try {
      target = routed(deps, opts.url);
    } catch {
      finish(false, { errMsg: `uploadFile:fail invalid url "${opts.url}"`, errno: 600009 });
      return task;
    }
    entry.sentTo = target.href;
    const req = send(target, 'POST', { ...(opts.header ?? {}), 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length });
    call.start(req, opts.timeout ?? 60_000, { errMsg: 'uploadFile:fail timeout', errno: 5 });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        entry.status = res.statusCode;
        finish(true, { data: Buffer.concat(chunks).toString('utf8'), statusCode: res.statusCode, header: headersOf(res), errMsg: 'uploadFile:ok' });
      });
    });
    req.on('error', (e) => finish(false, { errMsg: `uploadFile:fail ${e.message}`, errno: 600001 }));

    // The body goes out in chunks; progress reports what has really been handed to the socket.
    const total = body.length;
    let sent = 0;
    const pump = () => {
      if (call.isDone()) return;
      if (sent >= total) {
        req.end();
        return;
      }
      const chunk = body.subarray(sent, Math.min(total, sent + deps.uploadChunkBytes));
      req.write(chunk, () => {
        sent += chunk.length;
        const ev = { progress: Math.floor((sent / total) * 100), totalBytesSent: sent, totalBytesExpectedToSend: total };
        entry.progress!.push(ev);
        progressListeners.forEach((fn) => fn(ev));
        setTimeout(pump, deps.uploadChunkDelayMs);
      });
    };
    setImmediate(pump);
    return task;
  };
}
