// The signed-in citizen: token and masked phone, persisted so a closed app stays signed in.
import type { Citizen } from '@minhu/shared';
import { STORAGE_KEYS } from '../lib/storage-keys';
import { readJson, taroStore, writeJson, type KeyValueStore } from '../lib/storage';

export interface Session {
  token: string;
  citizen: Citizen;
}

type Listener = (session: Session | null) => void;

export function createSessionStore(store: KeyValueStore) {
  let current: Session | null | undefined;
  const listeners = new Set<Listener>();
  const load = (): Session | null => {
    if (current === undefined) {
      const saved = readJson<Session>(store, STORAGE_KEYS.session);
      current = saved && typeof saved.token === 'string' && saved.citizen ? saved : null;
    }
    return current;
  };
  return {
    get: load,
    token: (): string | null => load()?.token ?? null,
    set(session: Session | null): void {
      current = session;
      if (session) writeJson(store, STORAGE_KEYS.session, session);
      else store.remove(STORAGE_KEYS.session);
      listeners.forEach((fn) => fn(session));
    },
    subscribe(fn: Listener): () => void {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

export const session = createSessionStore(taroStore);
