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
    const back = restoreDraft(store)!;
    expect(back.idempotencyKey).toBe(d.idempotencyKey);
    expect({ ...back, attachments: [] }).toEqual({ ...d, attachments: [] });
  });

  it('brings files kept on the device back usable, and the others back failed', () => {
    const store = memoryStore();
    const d = filled();
    // The mini-program keeps a copy of each picked file; the compressed temp file it uploaded is gone after a restart.
    d.attachments = [
      attachment({ localId: 'done', status: 'done', path: 'tmp/small.jpg', size: 40, savedPath: 'usr/minhu-drafts/done.jpg', savedSize: 100 }),
      attachment({ localId: 'up', status: 'uploading', progress: 40, uploadId: 'up_0000000002', path: 'usr/minhu-drafts/up.jpg', savedPath: 'usr/minhu-drafts/up.jpg', savedSize: 100 }),
      attachment({ localId: 'lost', status: 'uploading', progress: 40, uploadId: 'up_0000000003', path: 'blob:gone' }),
    ];
    saveDraft(store, d);
    const back = restoreDraft(store)!.attachments;
    // A finished upload shows its kept file again, at its original size, to be compressed anew if it must be re-sent.
    expect(back[0]).toMatchObject({ status: 'done', uploadId: 'up_1234567890', path: 'usr/minhu-drafts/done.jpg', size: 100, compressed: false });
    // An interrupted one goes back to the queue by itself.
    expect(back[1]).toMatchObject({ status: 'queued', progress: 0, retryable: true, attempts: 0, path: 'usr/minhu-drafts/up.jpg' });
    expect(back[1]!.uploadId).toBeUndefined();
    // Without a kept copy (H5's blob URLs) only removing it helps.
    expect(back[2]).toMatchObject({ status: 'failed', retryable: false, error: '文件已失效，请删除后重新选择' });
  });

  it('ignores a missing or corrupt draft instead of crashing', () => {
    expect(restoreDraft(memoryStore())).toBeNull();
    expect(restoreDraft(memoryStore({ [STORAGE_KEYS.reportDraft]: '{not json' }))).toBeNull();
    expect(restoreDraft(memoryStore({ [STORAGE_KEYS.reportDraft]: JSON.stringify({ version: 1, kind: 'nope' }) }))).toBeNull();
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

describe('附议 in the draft', () => {
  it('is kept across a restart, and a chatbot draft (maybe of another category) does not carry it over', () => {
    const store = memoryStore();
    const d: ReportDraft = { ...emptyDraft(1, () => 'draft-key-incident-1'), categoryId: 'noise', address: '幸福路', lat: 23, lng: 113, incidentId: 'abcdefabcdefabcdefabcdef' };
    saveDraft(store, d);
    expect(restoreDraft(store)?.incidentId).toBe('abcdefabcdefabcdefabcdef');
    const blankWithChoice = { ...emptyDraft(1, () => 'draft-key-incident-2'), lat: 23, lng: 113, categoryId: 'noise' as const, incidentId: 'abcdefabcdefabcdefabcdef' };
    expect(fromChatDraft(blankWithChoice, { kind: 'complaint', categoryId: 'heating', description: '暖气不热已经一周了，室温只有十二度' }, 5).incidentId).toBeUndefined();
  });
});
