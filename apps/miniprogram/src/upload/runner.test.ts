// The upload runner with a stand-in platform: compress, presign, per-file progress, a silent retry,
// then the citizen's retry, removal mid-upload, and the concurrency limit.
import type { CreateUpload, UploadTicket } from '@minhu/shared';
import { describe, expect, it, vi } from 'vitest';
import { apiError, NETWORK_MESSAGE } from '../api/errors';
import { createAttachmentStore } from './attachment-store';
import { addPicked, type PickedFile } from './attachments';
import { UploadFailure, type MediaPlatform } from './platform';
import { createUploadRunner } from './runner';

const pick = (i: number, over: Partial<PickedFile> = {}): PickedFile => ({ localId: `f${i}`, kind: 'image', path: `p${i}`, contentType: 'image/jpeg', size: 5000, ...over });

function fakePlatform(plan: (path: string, attempt: number) => 'ok' | 'fail' | 'hang') {
  const attempts = new Map<string, number>();
  const aborted: string[] = [];
  const platform: MediaPlatform = {
    pick: async () => [],
    keep: async () => null,
    release: async () => undefined,
    releaseAll: async () => undefined,
    compressImage: async (f) => ({ path: `${f.path}-small`, size: 1000, contentType: 'image/jpeg' }),
    compressVideo: async (f) => ({ path: `${f.path}-small`, size: f.size, contentType: f.contentType }),
    upload(_target, file, onProgress) {
      const n = (attempts.get(file.path) ?? 0) + 1;
      attempts.set(file.path, n);
      const what = plan(file.path, n);
      let abort = () => {};
      const done = new Promise<void>((resolve, reject) => {
        abort = () => {
          aborted.push(file.path);
          reject(new UploadFailure('已取消', false));
        };
        onProgress(50);
        if (what === 'ok') setTimeout(() => (onProgress(100), resolve()), 1);
        if (what === 'fail') setTimeout(() => reject(new UploadFailure(NETWORK_MESSAGE)), 1);
      });
      return { done, abort: () => abort() };
    },
  };
  return { platform, attempts, aborted };
}

let uploadSeq = 0;
const presign = vi.fn(async (input: CreateUpload): Promise<UploadTicket> => ({
  uploadId: `up_${++uploadSeq}_abcdefgh`,
  url: 'https://s3.example/bucket',
  method: 'POST',
  fields: { key: `k${uploadSeq}`, 'Content-Type': input.contentType },
  fileField: 'file',
  expiresAt: new Date(Date.now() + 60_000).toISOString(),
}));

const settle = () => new Promise((r) => setTimeout(r, 20));

describe('upload runner', () => {
  it('compresses images, asks for a presigned POST with the compressed size, and finishes', async () => {
    const store = createAttachmentStore(addPicked([], [pick(1)]).list);
    const { platform } = fakePlatform(() => 'ok');
    const runner = createUploadRunner({ store, platform, createUpload: presign });
    runner.pump();
    await settle();
    expect(presign).toHaveBeenLastCalledWith({ kind: 'image', contentType: 'image/jpeg', size: 1000 });
    expect(store.get()[0]).toMatchObject({ status: 'done', progress: 100, path: 'p1-small' });
  });

  it('retries once by itself, then leaves the retry button to the citizen; a manual retry uploads again', async () => {
    const store = createAttachmentStore(addPicked([], [pick(1)]).list);
    const { platform, attempts } = fakePlatform((_p, n) => (n <= 2 ? 'fail' : 'ok'));
    const runner = createUploadRunner({ store, platform, createUpload: presign, autoRetries: 1, autoRetryDelayMs: 1 });
    runner.pump();
    await settle();
    await settle();
    expect(attempts.get('p1-small')).toBe(2);
    expect(store.get()[0]).toMatchObject({ status: 'failed', error: NETWORK_MESSAGE, retryable: true, attempts: 2 });
    runner.retry('f1');
    await settle();
    expect(store.get()[0]!.status).toBe('done');
    expect(attempts.get('p1-small')).toBe(3);
  });

  it('a presign refused by the gateway is shown with its Chinese message', async () => {
    const store = createAttachmentStore(addPicked([], [pick(1, { kind: 'video', contentType: 'video/mp4' })]).list);
    const { platform } = fakePlatform(() => 'ok');
    const refuse = vi.fn(async () => {
      throw apiError({ kind: 'http', status: 400, message: '视频不能超过 100 MB', retryable: false });
    });
    const runner = createUploadRunner({ store, platform, createUpload: refuse, autoRetries: 0 });
    runner.pump();
    await settle();
    expect(store.get()[0]).toMatchObject({ status: 'failed', error: '视频不能超过 100 MB', retryable: false });
  });

  it('refuses an unsupported image type before asking the gateway', async () => {
    const store = createAttachmentStore(addPicked([], [pick(1, { contentType: 'image/bmp' })]).list);
    const { platform } = fakePlatform(() => 'ok');
    platform.compressImage = async (f) => ({ path: f.path, size: f.size, contentType: f.contentType });
    const create = vi.fn(async (input: CreateUpload) => presign(input));
    const runner = createUploadRunner({ store, platform, createUpload: create });
    runner.pump();
    await settle();
    expect(create).not.toHaveBeenCalled();
    expect(store.get()[0]!.error).toMatch(/图片仅支持/);
  });

  it('removing a file mid-upload aborts it and it stays removed', async () => {
    const store = createAttachmentStore(addPicked([], [pick(1)]).list);
    const { platform, aborted } = fakePlatform(() => 'hang');
    const runner = createUploadRunner({ store, platform, createUpload: presign });
    runner.pump();
    await settle();
    expect(store.get()[0]).toMatchObject({ status: 'uploading', progress: 50 });
    runner.remove('f1');
    await settle();
    expect(aborted).toEqual(['p1-small']);
    expect(store.get()).toEqual([]);
  });

  it('uploads at most two at a time', async () => {
    const store = createAttachmentStore(addPicked([], [pick(1), pick(2), pick(3)]).list);
    const { platform } = fakePlatform(() => 'hang');
    const runner = createUploadRunner({ store, platform, createUpload: presign, concurrency: 2 });
    runner.pump();
    await settle();
    expect(store.get().map((a) => a.status)).toEqual(['uploading', 'uploading', 'queued']);
  });
});
