// What each platform provides for attachments: pick, compress, upload (see *.h5.ts for the browser).
import type { MediaKind } from '@minhu/shared';
import type { PickedFile } from './attachments';

export interface CompressedFile {
  path: string;
  size: number;
  contentType: string;
}

export interface UploadTarget {
  url: string;
  fields: Record<string, string>;
  fileField: string;
}

export interface UploadHandle {
  done: Promise<void>;
  abort(): void;
}

export interface MediaPlatform {
  /** Whether a picked file can still be read after the app restarts. */
  filesSurviveRestart: boolean;
  pick(kind: MediaKind, max: number): Promise<PickedFile[]>;
  compressImage(file: PickedFile): Promise<CompressedFile>;
  /** POSTs the presigned fields then the file; progress in 0–100. */
  upload(target: UploadTarget, file: { path: string; name?: string; contentType: string }, onProgress: (pct: number) => void): UploadHandle;
}

export class UploadFailure {
  constructor(
    readonly message: string,
    readonly retryable: boolean = true,
  ) {}
}
