// 关怀模式 (elderly mode): one persisted flag for larger type and higher contrast on every screen.
import { STORAGE_KEYS } from './storage-keys';
import { taroStore, type KeyValueStore } from './storage';

type Listener = (enabled: boolean) => void;

export function createCareModeStore(store: KeyValueStore) {
  let cached: boolean | null = null;
  const listeners = new Set<Listener>();
  return {
    get(): boolean {
      if (cached === null) cached = store.get(STORAGE_KEYS.careMode) === '1';
      return cached;
    },
    set(enabled: boolean): void {
      cached = enabled;
      if (enabled) store.set(STORAGE_KEYS.careMode, '1');
      else store.remove(STORAGE_KEYS.careMode);
      listeners.forEach((fn) => fn(enabled));
    },
    subscribe(fn: Listener): () => void {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

export const careMode = createCareModeStore(taroStore);
