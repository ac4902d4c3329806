// The upload state machine: progress, failure, retry (with a fresh presign), remove, limits.
import { describe, expect, it } from 'vitest';
import { addPicked, attachmentsReducer, keptPaths, remainingSlots, summarize, type Attachment, type PickedFile } from './attachments';

const pick = (i: number, over: Partial<PickedFile> = {}): PickedFile => ({ localId: `f${i}`, kind: 'image', path: `p${i}`, contentType: 'image/jpeg', size: 1000, ...over });

function run(list: Attachment[], ...events: Parameters<typeof attachmentsReducer>[1][]) {
  return events.reduce(attachmentsReducer, list);
}

describe('attachmentsReducer', () => {
  const start = addPicked([], [pick(1)]).list;

  it('goes queued → compressing → uploading → done with rising progress', () => {
    let l = run(start, { type: 'start', localId: 'f1' });
    expect(l[0]).toMatchObject({ status: 'compressing', attempts: 1 });
    l = run(l, { type: 'compressed', localId: 'f1', path: 'small', size: 500, contentType: 'image/jpeg' }, { type: 'uploading', localId: 'f1', uploadId: 'up_1' });
    l = run(l, { type: 'progress', localId: 'f1', progress: 40 }, { type: 'progress', localId: 'f1', progress: 20 });
    expect(l[0]).toMatchObject({ status: 'uploading', progress: 40, path: 'small', size: 500, compressed: true });
    l = run(l, { type: 'succeeded', localId: 'f1' });
    expect(l[0]).toMatchObject({ status: 'done', progress: 100, uploadId: 'up_1' });
  });

  it('a failure keeps the file; retry asks for a new presigned upload', () => {
    let l = run(start, { type: 'start', localId: 'f1' }, { type: 'uploading', localId: 'f1', uploadId: 'up_old' }, { type: 'failed', localId: 'f1', error: '网络不给力，请检查网络后重试' });
    expect(l[0]).toMatchObject({ status: 'failed', error: '网络不给力，请检查网络后重试', retryable: true });
    l = run(l, { type: 'retry', localId: 'f1' });
    expect(l[0]).toMatchObject({ status: 'queued', progress: 0 });
    expect(l[0]!.uploadId).toBeUndefined();
    l = run(l, { type: 'start', localId: 'f1' });
    expect(l[0]!.attempts).toBe(2);
  });

  it('does not retry a file that is gone, and ignores late events after removal', () => {
    let l = run(start, { type: 'start', localId: 'f1' }, { type: 'failed', localId: 'f1', error: '文件已失效', retryable: false }, { type: 'retry', localId: 'f1' });
    expect(l[0]!.status).toBe('failed');
    l = run(l, { type: 'remove', localId: 'f1' }, { type: 'progress', localId: 'f1', progress: 50 }, { type: 'succeeded', localId: 'f1' });
    expect(l).toEqual([]);
  });

  it('uploads a finished file again when storage lost it, with a fresh presign', () => {
    const done = run(start, { type: 'start', localId: 'f1' }, { type: 'uploading', localId: 'f1', uploadId: 'u_old' }, { type: 'succeeded', localId: 'f1' });
    const again = run(done, { type: 'reupload', localId: 'f1' });
    expect(again[0]).toMatchObject({ status: 'queued', progress: 0, attempts: 0 });
    expect(again[0]!.uploadId).toBeUndefined();
    // Only a finished upload is redone: a queued or failed one is left to its own course.
    expect(run(start, { type: 'reupload', localId: 'f1' })).toEqual(start);
  });

  it('never marks a finished upload failed', () => {
    const l = run(start, { type: 'start', localId: 'f1' }, { type: 'uploading', localId: 'f1', uploadId: 'u' }, { type: 'succeeded', localId: 'f1' }, { type: 'failed', localId: 'f1', error: 'x' });
    expect(l[0]!.status).toBe('done');
  });
});

describe('addPicked and summarize', () => {
  it('keeps to 9 photos and 3 videos, refusing the rest with a reason', () => {
    const photos = Array.from({ length: 11 }, (_, i) => pick(i));
    const r = addPicked([], photos);
    expect(r.list).toHaveLength(9);
    expect(r.refused).toEqual(['照片最多 9 张']);
    expect(remainingSlots(r.list, 'image')).toBe(0);
    const videos = Array.from({ length: 4 }, (_, i) => pick(100 + i, { kind: 'video', contentType: 'video/mp4' }));
    const v = addPicked(r.list, videos);
    expect(v.list.filter((a) => a.kind === 'video')).toHaveLength(3);
    expect(v.refused).toEqual(['视频最多 3 个']);
  });

  it('refuses a video that is too large or of another format', () => {
    const r = addPicked([], [pick(1, { kind: 'video', contentType: 'video/mp4', size: 101 * 1024 * 1024 }), pick(2, { kind: 'video', contentType: 'video/x-msvideo' })]);
    expect(r.list).toHaveLength(0);
    expect(r.refused).toEqual(['视频不能超过 100 MB', '视频仅支持 MP4 或 MOV 格式']);
  });

  it('tells what holds the form and lists finished upload ids in order', () => {
    let l = addPicked([], [pick(1), pick(2), pick(3)]).list;
    l = run(l, { type: 'start', localId: 'f1' }, { type: 'uploading', localId: 'f1', uploadId: 'u1' }, { type: 'succeeded', localId: 'f1' });
    l = run(l, { type: 'start', localId: 'f2' }, { type: 'failed', localId: 'f2', error: 'x' });
    expect(summarize(l)).toMatchObject({ pending: 1, failed: 1, done: 1, uploadIds: ['u1'], blocker: '还有 1 个文件正在上传，请稍候' });
    l = run(l, { type: 'remove', localId: 'f3' });
    expect(summarize(l).blocker).toBe('有 1 个文件上传失败，请点“重试”或删除后再提交');
    l = run(l, { type: 'remove', localId: 'f2' });
    expect(summarize(l)).toMatchObject({ blocker: null, uploadIds: ['u1'] });
  });
});

describe('keptPaths', () => {
  it('names a kept file and a video’s kept poster, so both go together', () => {
    expect(keptPaths({ savedPath: 'wxfile://usr/minhu-drafts/v1.mp4', savedThumb: 'wxfile://usr/minhu-drafts/v1-poster.jpg' })).toEqual(['wxfile://usr/minhu-drafts/v1.mp4', 'wxfile://usr/minhu-drafts/v1-poster.jpg']);
    expect(keptPaths({ savedPath: 'wxfile://usr/minhu-drafts/p1.jpg' })).toEqual(['wxfile://usr/minhu-drafts/p1.jpg']);
    expect(keptPaths({})).toEqual([]);
  });
});
