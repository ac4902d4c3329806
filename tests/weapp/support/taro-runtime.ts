// Reads Taro's own runtime inside the compiled bundle: its document (the element tree React renders
// into, which still carries data-testid) and `Current`. WXML drops data-* attributes other than
// data-sid, so this is how a test id is turned into the sid of the node the simulator rendered.
// It only observes: a webpack runtime chunk records each module's exports as the bundle loads them.
import { createRequire } from 'node:module';
import { join } from 'node:path';

export interface TaroNode {
  nodeName: string;
  sid: string;
  uid: string;
  nodeType: number;
  props: Record<string, unknown>;
  childNodes: TaroNode[];
  parentNode: TaroNode | null;
  textContent: string;
  __handlers?: Record<string, unknown[]>;
}

export interface TaroRuntime {
  document: { getElementById(id: string): TaroNode | null };
  current: { page: any; router: any; app: any };
}

const nodeRequire = createRequire(import.meta.url);

/** Loads dist/app.js from `codeDir` with module recording on; returns what the app registered via App(). */
export function loadBundle(codeDir: string, wx: Record<string, any>): { runtime: () => TaroRuntime } {
  delete wx.webpackJsonp;
  // The shared chunks only queue themselves; the probe is queued after them and before the runtime.
  for (const f of ['common.js', 'vendors.js', 'taro.js']) nodeRequire(join(codeDir, f));
  const exportsSeen: unknown[] = [];
  (wx.webpackJsonp as unknown[]).push([
    ['minhu-test-probe'],
    {},
    (req: { m: Record<string, (module: { exports: unknown }, ...rest: unknown[]) => void> }) => {
      for (const id of Object.keys(req.m)) {
        const factory = req.m[id]!;
        req.m[id] = function (this: unknown, module: { exports: unknown }, ...rest: unknown[]) {
          factory.call(this, module, ...rest);
          exportsSeen.push(module.exports);
        };
      }
    },
  ]);
  nodeRequire(join(codeDir, 'app.js'));

  let found: TaroRuntime | null = null;
  return {
    runtime() {
      if (found) return found;
      let document: TaroRuntime['document'] | undefined;
      let current: TaroRuntime['current'] | undefined;
      for (const ex of exportsSeen) {
        if (!ex || typeof ex !== 'object') continue;
        for (const key of Object.keys(ex)) {
          let v: any;
          try {
            v = (ex as Record<string, unknown>)[key];
          } catch {
            continue;
          }
          if (!v || typeof v !== 'object') continue;
          if (!document && v.nodeName === '#document' && typeof v.getElementById === 'function') document = v;
          if (!current && 'app' in v && 'router' in v && 'page' in v && Object.keys(v).length <= 8) current = v;
        }
      }
      if (!document || !current) throw new Error('Taro runtime not found in the bundle (document or Current missing)');
      found = { document, current };
      return found;
    },
  };
}
