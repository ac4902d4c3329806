// How WeChat's async APIs answer (success/fail/complete callbacks, or a Promise without them) and how
// a stand-in says "not stood in": shared by wx.ts and the pieces it is built from.

export type Opts = { success?: (r: any) => void; fail?: (r: any) => void; complete?: (r: any) => void; [k: string]: any };

/** A WeChat failure with its errno (e.g. 104 for a refused privacy authorisation). */
export class WxFail extends Error {
  constructor(
    message: string,
    readonly errno?: number,
  ) {
    super(message);
  }
}

export type WxAsync = <T extends Opts>(name: string, body: (o: T) => Promise<Record<string, unknown>> | Record<string, unknown>) => (o?: T) => Promise<unknown> | undefined;

/**
 * Makes async APIs that answer like WeChat: through success/fail/complete, never synchronously, or —
 * when none of the three is given — as a Promise (WeChat's promise style; Taro relies on it for the
 * APIs it does not wrap, such as chooseMedia). Each fail answer's errMsg goes to `failures`.
 */
export function answering(failures: string[]): WxAsync {
  return function wxAsync<T extends Opts>(name: string, body: (o: T) => Promise<Record<string, unknown>> | Record<string, unknown>) {
    return (o: T = {} as T): Promise<unknown> | undefined => {
      const promiseStyle = !o.success && !o.fail && !o.complete;
      const answer = Promise.resolve()
        .then(() => body(o))
        .then(
          (res) => ({ errMsg: `${name}:ok`, ...res }),
          (err: unknown) => {
            const msg = err instanceof Error ? err.message : String(err);
            // A WeChat-style failure is an answer; anything else is a fault of the stand-in itself.
            if (!/^\w+:fail/.test(msg)) console.error(`[weapp] wx.${name} stand-in failed:`, err);
            const errno = err instanceof WxFail ? err.errno : undefined;
            const r = { errMsg: msg.startsWith(`${name}:fail`) ? msg : `${name}:fail ${msg}`, ...(errno !== undefined ? { errno } : {}) };
            failures.push(r.errMsg);
            throw r;
          },
        );
      if (promiseStyle) return answer;
      answer.then(
        (r) => {
          o.success?.(r);
          o.complete?.(r);
        },
        (r) => {
          o.fail?.(r);
          o.complete?.(r);
        },
      );
      return undefined;
    };
  };
}

export function stripCallbacks(args: any): any {
  if (!args || typeof args !== 'object') return args;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) if (typeof v !== 'function') out[k] = v;
  return out;
}

export function loudStub(name: string, unhandled: string[]) {
  return () => {
    unhandled.push(name);
    const err = new Error(`wx.${name} is not stood in by tests/weapp/support/wx.ts`);
    console.error(`[weapp] ${err.message}`);
    throw err;
  };
}

/** An object whose unknown members throw like loudStub (e.g. the FileSystemManager). */
export function loudObject<T extends Record<string, any>>(what: string, unhandled: string[], impl: T): T {
  return new Proxy(impl, {
    get(t, key) {
      if (typeof key === 'string' && !(key in t)) return loudStub(`${what}.${key}`, unhandled);
      return (t as any)[key];
    },
  });
}
