// One error type for every failed call, always carrying a Chinese message fit to show as is.
import { ErrorBodySchema } from '@minhu/shared';

export const NETWORK_MESSAGE = '网络不给力，请检查网络后重试';
export const TIMEOUT_MESSAGE = '网络较慢，请求超时了，请稍后重试';
export const SERVER_MESSAGE = '服务暂时繁忙，请稍后重试';
export const INVALID_RESPONSE_MESSAGE = '服务返回的内容有误，请稍后重试';
export const UNAUTHORIZED_MESSAGE = '登录已过期，请重新登录';

export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'unauthorized' | 'invalid_response';

/** Plain object (not an Error subclass: ES5 output breaks `instanceof` on subclassed built-ins). */
export interface ApiError {
  readonly isApiError: true;
  readonly kind: ApiErrorKind;
  /** Safe to show to the citizen. */
  readonly message: string;
  readonly status?: number;
  /** The server's stable code, e.g. `validation_failed`. */
  readonly code?: string;
  readonly details?: unknown;
  /** Whether trying again may help (network, timeout, 5xx, 429). */
  readonly retryable: boolean;
}

export function apiError(init: Omit<ApiError, 'isApiError'>): ApiError {
  return { isApiError: true, ...init };
}

export function isApiError(e: unknown): e is ApiError {
  return typeof e === 'object' && e !== null && (e as { isApiError?: unknown }).isApiError === true;
}

/** Maps a transport failure (no HTTP answer at all) to an ApiError. */
export function errorFromTransport(e: unknown): ApiError {
  const text = String((e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message ?? '');
  const timedOut = /timeout|超时|abort/i.test(text);
  return apiError({ kind: timedOut ? 'timeout' : 'network', message: timedOut ? TIMEOUT_MESSAGE : NETWORK_MESSAGE, retryable: true });
}

/** Maps an HTTP error answer to an ApiError, preferring the server's own Chinese message. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const parsed = ErrorBodySchema.safeParse(body);
  const server = parsed.success ? parsed.data.error : undefined;
  if (status === 401) {
    return apiError({ kind: 'unauthorized', status, code: server?.code, message: UNAUTHORIZED_MESSAGE, retryable: false });
  }
  const retryable = status >= 500 || status === 429 || status === 408;
  const fallback = status === 429 ? '操作太频繁，请稍后再试' : status >= 500 ? SERVER_MESSAGE : '请求未能完成，请检查后重试';
  return apiError({
    kind: 'http',
    status,
    code: server?.code,
    details: server?.details,
    message: server?.message || fallback,
    retryable,
  });
}

/** A message for any thrown value, so no screen ever shows `undefined` or English internals. */
export function toUserMessage(e: unknown): string {
  if (isApiError(e)) return e.message;
  return '出了点问题，请稍后重试';
}
