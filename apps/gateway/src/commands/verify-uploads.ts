// Before a ticket references uploads: each must be this citizen's and unused; then it is copied,
// server-side, to a key under the ticket that no upload policy can write, and the COPY must be within
// its size limit with first bytes of the declared type (file-type on a ranged GET). The ticket serves
// the copy: what was checked is what the hotline sees, even if bytes are posted to the upload key again
// while its policy is still valid.
import { fileTypeFromBuffer } from 'file-type';
import { MEDIA_LIMITS } from '@minhu/shared';
import type { Deps } from '../deps.js';
import { unprocessable } from '../http/errors.js';
import type { UploadDoc } from '../models/upload.js';

/** Sniffed types accepted for each declared type (HEIC files may sniff as HEIF; some mp4 as m4v). */
const COMPATIBLE: Record<string, string[]> = {
  'image/jpeg': ['image/jpeg'],
  'image/png': ['image/png'],
  'image/webp': ['image/webp'],
  'image/heic': ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'],
  'video/mp4': ['video/mp4', 'video/x-m4v'],
  'video/quicktime': ['video/quicktime'],
};

const SNIFF_BYTES = 4100;

/** One upload that cannot be attached, and why. */
interface UploadProblem {
  uploadId: string;
  reason: 'not_found' | 'already_used' | 'not_uploaded' | 'too_large' | 'type_mismatch';
  message: string;
}

/**
 * 422 naming every upload that cannot be attached (the first one in the message), so the app can
 * upload all the missing ones again in one go: `details.problems` lists them, `details.uploadId` and
 * `details.reason` name the first.
 */
function uploadProblems(problems: UploadProblem[]) {
  const first = problems[0]!;
  return unprocessable('invalid_upload', `附件 ${first.uploadId} ${first.message}`, {
    uploadId: first.uploadId,
    reason: first.reason,
    problems: problems.map(({ uploadId, reason }) => ({ uploadId, reason })),
  });
}

export interface VerifiedMedia {
  uploadId: string;
  kind: 'image' | 'video';
  contentType: string;
  size: number;
  /** The checked copy under the ticket, which the ticket serves. */
  objectKey: string;
  /** Where the citizen uploaded it (removed once the ticket is filed). */
  uploadKey: string;
}

/** Removes evidence copies of a filing that did not happen (best effort: a leftover is only garbage). */
export async function removeEvidence(deps: Deps, keys: string[]): Promise<void> {
  await Promise.all(keys.map((k) => deps.storage.remove(k).catch(() => undefined)));
}

/** Where a ticket's evidence lives: one immutable copy per upload, under the ticket. */
export function evidenceKey(ticketId: string, upload: Pick<UploadDoc, '_id' | 'objectKey'>): string {
  const ext = /\.([a-z0-9]+)$/.exec(upload.objectKey)?.[1] ?? 'bin';
  return `tickets/${ticketId}/${upload._id}.${ext}`;
}

export async function verifyUploads(deps: Deps, citizenId: string, uploadIds: string[], ticketId: string): Promise<VerifiedMedia[]> {
  if (uploadIds.length === 0) return [];
  const docs = await deps.models.Upload.find({ _id: { $in: uploadIds }, citizenId }).lean<UploadDoc[]>();
  const byId = new Map(docs.map((d) => [d._id, d]));
  const counts = { image: 0, video: 0 };
  const problems: UploadProblem[] = [];
  for (const id of uploadIds) {
    const doc = byId.get(id);
    // Another citizen's upload is reported exactly like a missing one.
    if (!doc) problems.push({ uploadId: id, reason: 'not_found', message: '不存在' });
    else if (doc.ticketId) problems.push({ uploadId: id, reason: 'already_used', message: '已用于其他工单' });
    else if (++counts[doc.kind] > MEDIA_LIMITS[doc.kind].maxPerTicket) {
      throw unprocessable('too_many_media', `最多 ${MEDIA_LIMITS.image.maxPerTicket} 张图片、${MEDIA_LIMITS.video.maxPerTicket} 个视频`, { kind: doc.kind });
    }
  }
  // Copy each into the ticket, then check the copy: in parallel, one copy, one stat and one small ranged read per file.
  const verified: VerifiedMedia[] = [];
  const copied: string[] = [];
  await Promise.all(
    uploadIds.map(async (id) => {
      const doc = byId.get(id);
      if (!doc || doc.ticketId) return;
      const key = evidenceKey(ticketId, doc);
      if (!(await deps.storage.copy(doc.objectKey, key))) return void problems.push({ uploadId: id, reason: 'not_uploaded', message: '尚未上传完成' });
      copied.push(key);
      const stat = await deps.storage.stat(key);
      if (!stat) return void problems.push({ uploadId: id, reason: 'not_uploaded', message: '尚未上传完成' });
      if (stat.size > doc.size || stat.size > MEDIA_LIMITS[doc.kind].maxBytes) return void problems.push({ uploadId: id, reason: 'too_large', message: '超过大小限制' });
      const head = await deps.storage.head(key, Math.min(SNIFF_BYTES, stat.size));
      const sniffed = await fileTypeFromBuffer(head);
      if (!sniffed || !(COMPATIBLE[doc.contentType] ?? []).includes(sniffed.mime)) {
        return void problems.push({ uploadId: id, reason: 'type_mismatch', message: `的内容不是声明的 ${doc.contentType} 格式` });
      }
      verified.push({ uploadId: id, kind: doc.kind, contentType: doc.contentType, size: stat.size, objectKey: key, uploadKey: doc.objectKey });
    }),
  );
  if (problems.length) {
    await removeEvidence(deps, copied);
    // In the citizen's order, so the message names the first attachment they see.
    problems.sort((a, b) => uploadIds.indexOf(a.uploadId) - uploadIds.indexOf(b.uploadId));
    throw uploadProblems(problems);
  }
  // Keep the citizen's order.
  return uploadIds.map((id) => verified.find((v) => v.uploadId === id)!);
}
