// AppError carries an HTTP status and a stable code; the error middleware turns it into
// `{ error: { code, message, details? } }`. Messages are for citizens, in Simplified Chinese.
import { ZodError } from 'zod';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details);
export const unauthorized = (message = '请先登录') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = '没有权限') => new AppError(403, 'forbidden', message);
export const notFound = (message = '未找到') => new AppError(404, 'not_found', message);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const unprocessable = (code: string, message: string, details?: unknown) => new AppError(422, code, message, details);
export const tooManyRequests = (retryAfterSeconds: number, message = '操作太频繁，请稍后再试') =>
  new AppError(429, 'rate_limited', message, { retryAfterSeconds }, { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) });

/** A zod failure on client input → 400 with the failing fields. */
export function validationError(err: ZodError): AppError {
  return new AppError(
    400,
    'validation_failed',
    '请求内容有误：' + err.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('；'),
    err.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code })),
  );
}
