// Validation of the draft with the shared CreateTicketSchema, in Chinese, per field.
import { CreateTicketSchema } from '@minhu/shared';
import { describe, expect, it } from 'vitest';
import type { Attachment } from '../upload/attachments';
import { emptyDraft, type ReportDraft } from './draft';
import { buildCreateTicket, descriptionLength, validateDraft } from './validate';

const base = (over: Partial<ReportDraft> = {}): ReportDraft => ({ ...emptyDraft(0, () => 'draft-key-12345678'), description: '路灯坏了一个多月，晚上很黑', ...over });

const done = (id: string): Attachment => ({ localId: id, kind: 'image', path: 'p', contentType: 'image/jpeg', size: 1, status: 'done', progress: 100, uploadId: `up_${id}_12345678`, retryable: true, attempts: 1 });

describe('validateDraft', () => {
  it('sends 附议 (incidentId) only with the point it was found near, and saves and restores it with the draft', () => {
    const id = 'abcdefabcdefabcdefabcdef';
    const joined = validateDraft(base({ categoryId: 'noise', address: '幸福路', lat: 23, lng: 113, incidentId: id }));
    expect(joined.ok && joined.value.incidentId).toBe(id);
    expect(buildCreateTicket(base({ categoryId: 'noise', address: '幸福路', incidentId: id })).incidentId).toBeUndefined();
    expect(buildCreateTicket(base({ lat: 23, lng: 113, incidentId: 'not-an-id' })).incidentId).toBeUndefined();
  });

  it('accepts a good draft and builds a body the shared schema accepts', () => {
    const d = base({ categoryId: 'traffic-parking', address: '中山路 3 号', lat: 23, lng: 113, urgent: true, contactPhone: '13912345678', attachments: [done('a'), done('b')] });
    const r = validateDraft(d);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(CreateTicketSchema.parse(r.value)).toEqual(r.value);
    expect(r.value).toMatchObject({ kind: 'complaint', categoryId: 'traffic-parking', urgent: true, media: ['up_a_12345678', 'up_b_12345678'], location: { address: '中山路 3 号', lat: 23, lng: 113, coordSystem: 'gcj02' } });
  });

  it('leaves optional fields out rather than sending empty ones', () => {
    expect(buildCreateTicket(base())).toEqual({ kind: 'complaint', description: '路灯坏了一个多月，晚上很黑' });
  });

  it('counts the description as the server does and asks for 10 to 2000 characters', () => {
    expect(descriptionLength('  一二三  ')).toBe(3);
    const short = validateDraft(base({ description: '太吵了' }));
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.errors.description).toBe('问题描述至少 10 个字');
    const long = validateDraft(base({ description: '字'.repeat(2001) }));
    if (!long.ok) expect(long.errors.description).toBe('问题描述不能超过 2000 个字');
    else throw new Error('2001 characters must be refused');
  });

  it('explains a bad phone number and a too short address in Chinese', () => {
    const r = validateDraft(base({ contactPhone: '12345', address: '东' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.contactPhone).toBe('请输入有效的中国大陆手机号');
    expect(r.errors.location).toMatch(/[\u4e00-\u9fa5]/);
    expect(r.first).toBe(r.errors.location);
  });

  it('asks for an address when only a map point is attached', () => {
    const r = validateDraft(base({ lat: 23, lng: 113 }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.location).toBeTruthy();
  });

  it('holds the form while files upload or have failed', () => {
    const uploading = validateDraft(base({ attachments: [{ ...done('a'), status: 'uploading', progress: 30 }] }));
    expect(uploading.ok).toBe(false);
    if (!uploading.ok) expect(uploading.errors.media).toBe('还有 1 个文件正在上传，请稍候');
    const failed = validateDraft(base({ attachments: [{ ...done('a'), status: 'failed' }] }));
    if (!failed.ok) expect(failed.errors.media).toMatch(/上传失败/);
    else throw new Error('a failed upload must hold the form');
  });
});
