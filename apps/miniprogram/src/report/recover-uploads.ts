// When filing fails because storage no longer has some uploads (the orphan sweep removes uploads no
// ticket references after a day, and drafts can be older), the app uploads those files again from
// the kept copies and files once more — the citizen does nothing. This reads that failure.
import { InvalidUploadDetailsSchema } from '@minhu/shared';
import { isApiError } from '../api/errors';

/** Reasons that another upload of the same file cures. */
const CURABLE = new Set(['not_found', 'not_uploaded', 'already_used']);

export interface UploadRecovery {
  /** Upload ids to upload again. */
  redo: string[];
  /** Upload ids that cannot be attached as they are (wrong type, too large), with the server's message. */
  refused: Array<{ uploadId: string; message: string }>;
}

/** What a failed filing says about its uploads, or null when it failed for another reason. */
export function uploadRecovery(error: unknown): UploadRecovery | null {
  if (!isApiError(error) || error.code !== 'invalid_upload') return null;
  const parsed = InvalidUploadDetailsSchema.safeParse(error.details);
  if (!parsed.success) return null;
  const redo = parsed.data.problems.filter((p) => CURABLE.has(p.reason)).map((p) => p.uploadId);
  const refused = parsed.data.problems
    .filter((p) => !CURABLE.has(p.reason))
    .map((p) => ({ uploadId: p.uploadId, message: p.reason === 'too_large' ? '文件超过大小限制，请删除后重新选择' : '文件格式与内容不符，请删除后重新选择' }));
  return { redo, refused };
}
