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
  pick(kind: MediaKind, max: number): Promise<PickedFile[]>;
  /**
   * Copies a picked file where it outlives the app (the mini-program's user-data folder) and answers
   * the copy's path; null where nothing can be kept (H5) or the device refused (storage full).
   */
  keep(file: PickedFile): Promise<string | null>;
  /** Deletes kept copies (after filing, on removal); never throws. */
  release(paths: string[]): Promise<void>;
  /** Deletes every kept copy (sign-out); never throws. */
  releaseAll(): Promise<void>;
  compressImage(file: PickedFile): Promise<CompressedFile>;
  /** Shrinks a video where the phone can (WeChat's compressVideo); the file as it is otherwise. */
  compressVideo(file: PickedFile): Promise<CompressedFile>;
  /** POSTs the presigned fields then the file; progress in 0–100. */
  upload(target: UploadTarget, file: { path: string; name?: string; contentType: string; size: number }, onProgress: (pct: number) => void): UploadHandle;
}

export class UploadFailure {
  constructor(
    readonly message: string,
    readonly retryable: boolean = true,
  ) {}
}
