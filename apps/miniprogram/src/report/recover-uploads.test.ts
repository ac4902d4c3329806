// Reading a filing that failed on its uploads: which to upload again, which cannot be attached.
import { describe, expect, it } from 'vitest';
import { apiError } from '../api/errors';
import { uploadRecovery } from './recover-uploads';

const invalidUpload = (problems: Array<{ uploadId: string; reason: string }>) =>
  apiError({ kind: 'http', status: 422, code: 'invalid_upload', message: '附件不存在', retryable: false, details: { uploadId: problems[0]!.uploadId, reason: problems[0]!.reason, problems } });

describe('uploadRecovery', () => {
  it('asks to upload again what storage no longer has, and refuses what another upload cannot cure', () => {
    const r = uploadRecovery(
      invalidUpload([
        { uploadId: 'up_missing_01', reason: 'not_found' },
        { uploadId: 'up_partial_02', reason: 'not_uploaded' },
        { uploadId: 'up_wrongty_03', reason: 'type_mismatch' },
      ]),
    );
    expect(r).toEqual({ redo: ['up_missing_01', 'up_partial_02'], refused: [{ uploadId: 'up_wrongty_03', message: '文件格式与内容不符，请删除后重新选择' }] });
  });

  it('is null for any other failure', () => {
    expect(uploadRecovery(apiError({ kind: 'network', message: 'x', retryable: true }))).toBeNull();
    expect(uploadRecovery(apiError({ kind: 'http', status: 422, code: 'too_many_media', message: 'x', retryable: false }))).toBeNull();
    expect(uploadRecovery(apiError({ kind: 'http', status: 422, code: 'invalid_upload', message: 'x', retryable: false, details: { nonsense: 1 } }))).toBeNull();
    expect(uploadRecovery(new Error('boom'))).toBeNull();
  });
});
