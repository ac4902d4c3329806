// Reserves an object key for one citizen's photo or video and signs a POST policy for it: the key,
// the content type and the size limit are pinned, so storage itself refuses anything else.
import type { CreateUpload, UploadTicket } from '@minhu/shared';
import type { Deps } from '../deps.js';
import { randomId } from '../lib/ids.js';

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
};

export async function createUpload(deps: Deps, citizenId: string, input: CreateUpload): Promise<UploadTicket> {
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
