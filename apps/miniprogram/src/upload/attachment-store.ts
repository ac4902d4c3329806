// A small external store around the attachment reducer, readable synchronously by the upload runner.
import { attachmentsReducer, type Attachment, type AttachmentEvent } from './attachments';

export interface AttachmentStore {
  get(): Attachment[];
  dispatch(event: AttachmentEvent): void;
  /** Replaces the whole list (adding picked files, restoring a draft). */
  replace(list: Attachment[]): void;
  subscribe(fn: () => void): () => void;
}

export function createAttachmentStore(initial: Attachment[] = []): AttachmentStore {
  let state = initial;
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((fn) => fn());
  return {
    get: () => state,
    dispatch(event) {
      const next = attachmentsReducer(state, event);
      if (next !== state) {
        state = next;
        emit();
      }
    },
    replace(list) {
      state = list;
      emit();
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
