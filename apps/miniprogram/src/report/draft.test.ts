// Draft save/restore, the chatbot handoff, and what survives a restart.
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../lib/storage';
import { STORAGE_KEYS } from '../lib/storage-keys';
import type { Attachment } from '../upload/attachments';
import { emptyDraft, fromChatDraft, isBlankDraft, putHandoff, restoreDraft, saveDraft, takeHandoff, type ReportDraft } from './draft';

let n = 0;
const key = () => `draft-test-${++n}-aaaaaaaa`;

function attachment(over: Partial<Attachment>): Attachment {
  return { localId: 'a1', kind: 'image', path: 'blob:x', contentType: 'image/jpeg', size: 100, status: 'done', progress: 100, uploadId: 'up_1234567890', retryable: true, attempts: 1, ...over };
}

function filled(): ReportDraft {
  return {
    ...emptyDraft(1000, key),
    kind: 'help',
    categoryId: 'noise',
    description: '楼下烧烤店每天凌晨两点还很吵',
    address: '某某路 1 号',
    lat: 23.1,
    lng: 113.3,
    urgent: true,
    contactPhone: '13800001234',
    attachments: [
      attachment({ localId: 'done', status: 'done' }),
      attachment({ localId: 'up', status: 'uploading', progress: 40, uploadId: 'up_0000000002' }),
      attachment({ localId: 'bad', status: 'failed', error: '网络不给力', uploadId: undefined }),
    ],
  };
}

describe('report draft', () => {
  it('restores exactly what was saved, keeping the idempotency key', () => {
    const store = memoryStore();
    const d = filled();
    expect(saveDraft(store, d)).toBe(true);
    const back = restoreDraft(store, { filesSurvive: true })!;
    expect(back.idempotencyKey).toBe(d.idempotencyKey);
    expect({ ...back, attachments: [] }).toEqual({ ...d, attachments: [] });
  });

  it('brings unfinished uploads back as failed: retryable on the mini-program, re-pick on H5', () => {
    const store = memoryStore();
    saveDraft(store, filled());
    const weapp = restoreDraft(store, { filesSurvive: true })!.attachments;
    expect(weapp.map((a) => [a.localId, a.status, a.retryable])).toEqual([
      ['done', 'done', true],
      ['up', 'failed', true],
      ['bad', 'failed', true],
    ]);
    expect(weapp[1]!.uploadId).toBeUndefined();
    const h5 = restoreDraft(store, { filesSurvive: false })!.attachments;
    expect(h5[0]!.status).toBe('done');
    expect(h5[1]).toMatchObject({ status: 'failed', retryable: false, error: '页面刷新后需要重新选择这个文件' });
  });

  it('ignores a missing or corrupt draft instead of crashing', () => {
    expect(restoreDraft(memoryStore(), { filesSurvive: true })).toBeNull();
    expect(restoreDraft(memoryStore({ [STORAGE_KEYS.reportDraft]: '{not json' }), { filesSurvive: true })).toBeNull();
    expect(restoreDraft(memoryStore({ [STORAGE_KEYS.reportDraft]: JSON.stringify({ version: 1, kind: 'nope' }) }), { filesSurvive: true })).toBeNull();
  });

  it('knows a blank draft', () => {
    expect(isBlankDraft(emptyDraft(0, key))).toBe(true);
    expect(isBlankDraft({ ...emptyDraft(0, key), description: ' x ' })).toBe(false);
  });

  it('fills a blank draft from the chatbot and keeps its unused key', () => {
    const blank = emptyDraft(0, key);
    const d = fromChatDraft(blank, { kind: 'complaint', categoryId: 'noise', description: '广场舞太吵了，每天晚上十点还在跳', location: { address: '人民公园' } }, 5, key);
    expect(d).toMatchObject({ kind: 'complaint', categoryId: 'noise', address: '人民公园', source: 'chat', idempotencyKey: blank.idempotencyKey });
  });

  it('replacing real content with the chatbot draft starts a new key and drops old attachments', () => {
    const old = filled();
    const d = fromChatDraft(old, { kind: 'report', categoryId: null, description: '有人在河边倒垃圾' }, 5, key);
    expect(d.idempotencyKey).not.toBe(old.idempotencyKey);
    expect(d.attachments).toEqual([]);
    expect(d.description).toBe('有人在河边倒垃圾');
  });

  it('hands the chatbot draft over once', () => {
    const store = memoryStore();
    putHandoff(store, { kind: 'help', categoryId: 'flood', description: '小区门口积水很深' });
    expect(takeHandoff(store)?.description).toBe('小区门口积水很深');
    expect(takeHandoff(store)).toBeNull();
  });
});
