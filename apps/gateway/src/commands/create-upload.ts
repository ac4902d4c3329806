// Reserves an object key for one citizen's photo or video and signs a POST policy for it: the key,
// the content type and the size limit are pinned, so storage itself refuses anything else. Within the
// citizen's quotas: policies per hour, and bytes held in uploads no ticket uses yet.
import type { CreateUpload, UploadTicket } from '@minhu/shared';
import type { Deps } from '../deps.js';
import { Types } from 'mongoose';
import { tooManyRequests } from '../http/errors.js';
import { randomId } from '../lib/ids.js';
import { consume } from '../lib/limits.js';
import { securityEvent } from '../lib/security-log.js';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
};

/** Bytes the citizen holds in uploads not filed yet (the orphan sweep frees them after a day). */
async function unfiledBytes(deps: Deps, citizenId: string): Promise<number> {
  const [row] = await deps.models.Upload.aggregate<{ bytes: number }>([
    { $match: { citizenId: new Types.ObjectId(citizenId), ticketId: null } },
    { $group: { _id: null, bytes: { $sum: '$size' } } },
  ]);
  return row?.bytes ?? 0;
}

export async function createUpload(deps: Deps, citizenId: string, input: CreateUpload): Promise<UploadTicket> {
  const { quotas } = deps.config;
  if ((await unfiledBytes(deps, citizenId)) + input.size > quotas.unfiledUploadBytes) {
    securityEvent(deps, 'quota_exceeded', { subject: citizenId, quota: 'unfiled_upload_bytes' });
    // Space frees when a ticket is filed or when the sweep removes uploads a day old.
    throw tooManyRequests(3600, `未提交的照片和视频已达上限（${Math.round(quotas.unfiledUploadBytes / 1024 / 1024)} MB），请先提交工单或删除不用的附件`);
  }
  await consume(deps.limiters.uploadsPerCitizenHour, citizenId, '上传太频繁，请稍后再试');
  const uploadId = randomId(15);
  const objectKey = `uploads/${citizenId}/${uploadId}.${EXTENSIONS[input.contentType] ?? 'bin'}`;
  const expiresAt = new Date(deps.now().getTime() + deps.config.uploads.policyTtlSeconds * 1000);
  const { url, fields } = await deps.storage.presignPost(objectKey, input.contentType, input.size, expiresAt);
  await deps.models.Upload.create({
    _id: uploadId,
    citizenId,
    kind: input.kind,
    contentType: input.contentType,
    size: input.size,
    filename: input.filename,
    objectKey,
    policyExpiresAt: expiresAt,
  });
  return { uploadId, url, method: 'POST', fields, fileField: 'file', expiresAt: expiresAt.toISOString() };
}
