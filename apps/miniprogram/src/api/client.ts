// The typed API client: adds auth and channel headers, validates every answer with the shared schemas.
import type { z } from 'zod';
import { API_BASE, CHANNEL, REQUEST_TIMEOUT_MS } from './config';
import { apiError, errorFromResponse, errorFromTransport, INVALID_RESPONSE_MESSAGE, isApiError, type ApiError } from './errors';
import { session as defaultSession, type SessionStore } from './session';
import { taroTransport, type Transport } from './transport';

export interface CallOptions<S extends z.ZodType | null> {
  method?: 'GET' | 'POST';
  /** Path under the API base, e.g. `/api/tickets`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Schema of a 2xx body; null for 204 endpoints. */
  schema: S;
  /** Send the Bearer token (default true when one exists). */
  auth?: boolean;
  /** Automatic retries after a network failure (default: 1 for GET, 0 otherwise). */
  retries?: number;
}

export interface ApiClientDeps {
  transport?: Transport;
  session?: SessionStore;
  base?: string;
  /** Wait between automatic retries; tests pass 0. */
  retryDelayMs?: number;
  /** Told when the server says the token is no longer good. */
  onUnauthorized?: () => void;
}

export function buildUrl(base: string, path: string, query?: Record<string, string | number | undefined>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === '') continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return `${base}${path}${parts.length ? `?${parts.join('&')}` : ''}`;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createApiClient(deps: ApiClientDeps = {}) {
  const transport = deps.transport ?? taroTransport;
  const sessionStore = deps.session ?? defaultSession;
  const base = deps.base ?? API_BASE;
  const retryDelayMs = deps.retryDelayMs ?? 800;

  async function call<S extends z.ZodType | null>(opts: CallOptions<S>): Promise<S extends z.ZodType ? z.output<S> : void> {
    const method = opts.method ?? 'GET';
    const headers: Record<string, string> = { 'X-Minhu-Channel': CHANNEL, ...opts.headers };
    if (method === 'POST') headers['Content-Type'] = 'application/json';
    const token = opts.auth === false ? null : sessionStore.token();
    if (token) headers.Authorization = `Bearer ${token}`;
    const url = buildUrl(base, opts.path, opts.query);
    const retries = opts.retries ?? (method === 'GET' ? 1 : 0);

    let lastError: ApiError | undefined;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(retryDelayMs * attempt);
      let res;
      try {
        res = await transport({ method, url, headers, body: method === 'POST' ? (opts.body ?? {}) : undefined, timeoutMs: REQUEST_TIMEOUT_MS });
      } catch (e) {
        lastError = errorFromTransport(e);
        continue;
      }
      if (res.status >= 200 && res.status < 300) {
        if (opts.schema === null) return undefined as never;
        const parsed = opts.schema.safeParse(res.body);
        if (!parsed.success) {
          throw apiError({ kind: 'invalid_response', status: res.status, message: INVALID_RESPONSE_MESSAGE, details: parsed.error.issues, retryable: true });
        }
        return parsed.data as never;
      }
      const err = errorFromResponse(res.status, res.body);
      // Only the refused token is forgotten: a new session signed in meanwhile stays.
      if (err.kind === 'unauthorized' && token && sessionStore.token() === token) {
        sessionStore.set(null);
        deps.onUnauthorized?.();
      }
      // Only retry answers that say "try later" on idempotent calls; never loop on 4xx.
      if (err.retryable && method === 'GET' && attempt < retries) {
        lastError = err;
        continue;
      }
      throw err;
    }
    throw lastError ?? apiError({ kind: 'network', message: '网络不给力，请检查网络后重试', retryable: true });
  }

  return { call };
}

export type ApiClient = ReturnType<typeof createApiClient>;

export { isApiError };
