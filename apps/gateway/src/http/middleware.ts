// Cross-cutting middleware: request id + access log, the error body, JSON-only bodies.
import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Logger } from 'pino';
import { AppError } from './errors.js';

declare module 'koa' {
  interface DefaultState {
    requestId: string;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Gives each request an id (kept from X-Request-Id when sane), logs one line when it ends. */
export function requestLog(logger: Logger) {
  return async (ctx: Context, next: Next) => {
    const incoming = ctx.get('x-request-id');
    const requestId = REQUEST_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const level = ctx.status >= 500 ? 'error' : 'info';
      logger[level]({ requestId, method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(ms * 10) / 10 }, 'request');
    }
  };
}

function sendError(ctx: Context, status: number, code: string, message: string, details?: unknown) {
  ctx.status = status;
  ctx.body = { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Turns every thrown error into the one error body; unknown errors are 500 and logged. */
export function errorBody(logger: Logger) {
  return async (ctx: Context, next: Next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) sendError(ctx, 404, 'not_found', '接口不存在');
      else if (ctx.status === 405 && ctx.body === undefined) sendError(ctx, 405, 'method_not_allowed', '不支持该请求方法');
    } catch (raw) {
      const err = raw as Error & { status?: number; statusCode?: number; type?: string; expose?: boolean };
      if (err instanceof AppError) {
        for (const [k, v] of Object.entries(err.headers ?? {})) ctx.set(k, v);
        return sendError(ctx, err.status, err.code, err.message, err.details);
      }
      const status = err.status ?? err.statusCode;
      // Errors raised by body parsing (raw-body / co-body) and koa's ctx.throw carry a 4xx status.
      if (status && status >= 400 && status < 500) {
        if (status === 413) return sendError(ctx, 413, 'payload_too_large', '请求内容过大');
        if (status === 415) return sendError(ctx, 415, 'unsupported_media_type', '仅支持 JSON 请求');
        if (err.type === 'entity.parse.failed' || err instanceof SyntaxError) return sendError(ctx, 400, 'malformed_json', 'JSON 格式错误');
        if (status === 405) return sendError(ctx, 405, 'method_not_allowed', '不支持该请求方法');
        return sendError(ctx, status, 'bad_request', err.expose ? err.message : '请求有误');
      }
      logger.error({ err, requestId: ctx.state.requestId }, 'unhandled error');
      sendError(ctx, 500, 'internal_error', '服务器开小差了，请稍后再试');
    }
  };
}

/** Requests that carry a body must say it is JSON (415 otherwise). */
export function requireJson(allowed: string[] = ['application/json']) {
  return async (ctx: Context, next: Next) => {
    const hasBody = ['POST', 'PUT', 'PATCH'].includes(ctx.method) && (Number(ctx.get('content-length') || 0) > 0 || ctx.get('transfer-encoding'));
    if (hasBody && !ctx.is(allowed)) {
      sendError(ctx, 415, 'unsupported_media_type', '仅支持 JSON 请求');
      return;
    }
    await next();
  };
}
