// Turns the draft into a CreateTicket body checked by the shared schema, with a Chinese message per field.
import { CreateTicketSchema, STORED_COORD_SYSTEM, TICKET_DESCRIPTION_MAX, TICKET_DESCRIPTION_MIN, type CreateTicket } from '@minhu/shared';
import { summarize } from '../upload/attachments';
import type { ReportDraft } from './draft';

export type ReportField = 'kind' | 'categoryId' | 'description' | 'location' | 'contactPhone' | 'media';

export type ValidationResult =
  | { ok: true; value: CreateTicket }
  | { ok: false; errors: Partial<Record<ReportField, string>>; first: string };

const FIELD_ORDER: ReportField[] = ['kind', 'categoryId', 'description', 'location', 'media', 'contactPhone'];

const FALLBACK: Record<ReportField, string> = {
  kind: '请选择反映类型',
  categoryId: '请选择问题分类',
  description: `问题描述需 ${TICKET_DESCRIPTION_MIN}–${TICKET_DESCRIPTION_MAX} 个字`,
  location: '请填写详细地址（至少 2 个字）',
  contactPhone: '请输入有效的手机号',
  media: '附件有误，请删除后重新添加',
};

const hasChinese = (s: string) => /[\u4e00-\u9fa5]/.test(s);

/** Characters the counter shows: the trimmed length, as the server counts it. */
export function descriptionLength(text: string): number {
  return text.trim().length;
}

export function buildCreateTicket(draft: ReportDraft): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: draft.kind, description: draft.description };
  if (draft.categoryId) body.categoryId = draft.categoryId;
  const address = draft.address.trim();
  if (address || draft.lat !== undefined) {
    body.location = {
      address,
      // Points on the form are GCJ-02 on both targets (lib/location*.ts converts the browser's WGS-84).
      ...(draft.lat !== undefined && draft.lng !== undefined ? { lat: draft.lat, lng: draft.lng, coordSystem: STORED_COORD_SYSTEM } : {}),
    };
  }
  if (draft.contactPhone.trim()) body.contactPhone = draft.contactPhone.trim();
  if (draft.urgent) body.urgent = true;
  if (draft.anonymous) body.anonymous = true;
  // 附议 only with the point it was found near (the choice is dropped when the place changes).
  if (draft.incidentId && /^[0-9a-f]{24}$/.test(draft.incidentId) && draft.lat !== undefined && draft.lng !== undefined) body.incidentId = draft.incidentId;
  const { uploadIds } = summarize(draft.attachments);
  if (uploadIds.length) body.media = uploadIds;
  return body;
}

export function validateDraft(draft: ReportDraft): ValidationResult {
  const errors: Partial<Record<ReportField, string>> = {};
  const uploads = summarize(draft.attachments);
  if (uploads.blocker) errors.media = uploads.blocker;

  const parsed = CreateTicketSchema.safeParse(buildCreateTicket(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ReportField | undefined;
      if (!field || errors[field]) continue;
      if (field === 'description' && issue.code === 'too_big') errors.description = `问题描述不能超过 ${TICKET_DESCRIPTION_MAX} 个字`;
      else if (field === 'description' && issue.code === 'too_small') errors.description = `问题描述至少 ${TICKET_DESCRIPTION_MIN} 个字`;
      else errors[field] = hasChinese(issue.message) ? issue.message : FALLBACK[field] ?? '请检查填写的内容';
    }
  }
  const firstField = FIELD_ORDER.find((f) => errors[f]);
  if (firstField) return { ok: false, errors, first: errors[firstField]! };
  return { ok: true, value: parsed.data! };
}
