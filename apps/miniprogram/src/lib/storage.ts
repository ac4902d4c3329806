// A tiny string key-value interface over Taro storage, so form logic can be tested with a memory store.
import Taro from '@tarojs/taro';

export interface KeyValueStore {
  get(key: string): string | null;
  /** Returns false when the device refused to store (quota, private mode). */
  set(key: string, value: string): boolean;
  remove(key: string): void;
}

/** Taro storage: wx storage on the mini-program, localStorage on H5. */
export const taroStore: KeyValueStore = {
  get(key) {
    try {
      const value: unknown = Taro.getStorageSync(key);
      return typeof value === 'string' && value !== '' ? value : null;
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      Taro.setStorageSync(key, value);
      return true;
    } catch {
      return false;
    }
  },
  remove(key) {
    try {
      Taro.removeStorageSync(key);
    } catch {
      /* nothing to remove */
    }
  },
};

/** In-memory store for tests. */
export function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { dump(): Record<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    get: (key) => data.get(key) ?? null,
    set: (key, value) => {
      data.set(key, value);
      return true;
    },
    remove: (key) => {
      data.delete(key);
    },
    dump: () => Object.fromEntries(data),
  };
}

/** Reads JSON, answering null on absence or corruption (a broken value must never crash a page). */
export function readJson<T>(store: KeyValueStore, key: string): T | null {
  const raw = store.get(key);
  if (raw == null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function writeJson(store: KeyValueStore, key: string, value: unknown): boolean {
  return store.set(key, JSON.stringify(value));
}
