// Signing out leaves nothing of the citizen on the device: drafts (and the photos and videos kept for
// them), chat history and saved numbers go, and the pages still open are told to forget theirs.
import { keptPaths } from '../upload/attachments';
import { mediaPlatform } from '../upload/media';
import { readJson, taroStore, type KeyValueStore } from './storage';
import { PERSONAL_KEYS, STORAGE_KEYS } from './storage-keys';

type Listener = () => void;
const listeners = new Set<Listener>();

/** Pages holding personal data in memory subscribe, so a sign-out on another page clears theirs too. */
export function onLocalDataCleared(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Kept files the saved draft refers to. */
function keptFiles(store: KeyValueStore): string[] {
  const draft = readJson<{ attachments?: Array<{ savedPath?: string; savedThumb?: string }> }>(store, STORAGE_KEYS.reportDraft);
  return (draft?.attachments ?? []).flatMap(keptPaths);
}

export async function clearLocalData(store: KeyValueStore = taroStore): Promise<void> {
  const files = keptFiles(store);
  for (const key of PERSONAL_KEYS) store.remove(key);
  listeners.forEach((fn) => fn());
  await mediaPlatform.release(files);
  await mediaPlatform.releaseAll();
}
