// Drives queued attachments through compress (photos and videos) → presign (POST /api/uploads) →
// upload, a few at a time, retrying a network failure once by itself before handing the retry button
// to the citizen.
import { CreateUploadSchema, type CreateUpload, type UploadTicket } from '@minhu/shared';
import { isApiError } from '../api/errors';
import type { AttachmentStore } from './attachment-store';
import { UploadFailure, type MediaPlatform, type UploadHandle } from './platform';

export interface UploadRunnerDeps {
  store: AttachmentStore;
  platform: MediaPlatform;
  createUpload: (input: CreateUpload) => Promise<UploadTicket>;
  /** Parallel uploads; a weak signal does better with few (default 2). */
  concurrency?: number;
  /** Silent retries after a retryable failure (default 1). */
  autoRetries?: number;
  /** Delay before a silent retry (default 1500 ms). */
  autoRetryDelayMs?: number;
}

function failureOf(e: unknown): { message: string; retryable: boolean } {
  if (e instanceof UploadFailure) return { message: e.message, retryable: e.retryable };
  if (isApiError(e)) return { message: e.message, retryable: e.retryable || e.kind !== 'http' };
  return { message: '上传失败，请点“重试”', retryable: true };
}

export function createUploadRunner(deps: UploadRunnerDeps) {
  const { store, platform } = deps;
  const concurrency = deps.concurrency ?? 2;
  const autoRetries = deps.autoRetries ?? 1;
  const autoRetryDelayMs = deps.autoRetryDelayMs ?? 1500;
  const active = new Map<string, UploadHandle | null>();
  const settled: Array<() => void> = [];

  const find = (localId: string) => store.get().find((a) => a.localId === localId);
  const stillUploading = (localId: string) => {
    const a = find(localId);
    return a !== undefined && (a.status === 'compressing' || a.status === 'uploading');
  };

  async function runOne(localId: string): Promise<void> {
    active.set(localId, null);
    store.dispatch({ type: 'start', localId });
    try {
      const item = find(localId);
      if (!item) return;
      let file = { path: item.path, size: item.size, contentType: item.contentType };
      if (!item.compressed) {
        file = await (item.kind === 'image' ? platform.compressImage(item) : platform.compressVideo(item));
        if (!stillUploading(localId)) return;
        store.dispatch({ type: 'compressed', localId, ...file });
      }
      const request = CreateUploadSchema.safeParse({ kind: item.kind, contentType: file.contentType, size: file.size, ...(item.name ? { filename: item.name.slice(0, 200) } : {}) });
      if (!request.success) throw new UploadFailure(request.error.issues[0]?.message ?? '文件格式不支持', false);
      const ticket = await deps.createUpload(request.data);
      if (!stillUploading(localId)) return;
      store.dispatch({ type: 'uploading', localId, uploadId: ticket.uploadId });
      const handle = platform.upload(ticket, { path: file.path, name: item.name, contentType: file.contentType, size: file.size }, (pct) =>
        store.dispatch({ type: 'progress', localId, progress: pct }),
      );
      active.set(localId, handle);
      await handle.done;
      store.dispatch({ type: 'succeeded', localId });
    } catch (e) {
      if (!find(localId)) return; // removed meanwhile
      const { message, retryable } = failureOf(e);
      store.dispatch({ type: 'failed', localId, error: message, retryable });
      const attempts = find(localId)?.attempts ?? 0;
      if (retryable && attempts <= autoRetries) {
        setTimeout(() => {
          const a = find(localId);
          if (a?.status === 'failed' && a.attempts === attempts) retry(localId);
        }, autoRetryDelayMs);
      }
    } finally {
      active.delete(localId);
      pump();
      if (active.size === 0) settled.splice(0).forEach((fn) => fn());
    }
  }

  /** Starts queued items while there is room. */
  function pump(): void {
    for (const a of store.get()) {
      if (active.size >= concurrency) return;
      if (a.status === 'queued' && !active.has(a.localId)) void runOne(a.localId);
    }
  }

  function retry(localId: string): void {
    store.dispatch({ type: 'retry', localId });
    pump();
  }

  function remove(localId: string): void {
    active.get(localId)?.abort();
    store.dispatch({ type: 'remove', localId });
    pump();
  }

  /** Resolves when nothing is uploading (for tests and for "wait then submit"). */
  function idle(): Promise<void> {
    if (active.size === 0) return Promise.resolve();
    return new Promise((resolve) => settled.push(resolve));
  }

  return { pump, retry, remove, idle };
}

export type UploadRunner = ReturnType<typeof createUploadRunner>;
