// Browser attachments: a file input, canvas compression and XHR FormData with upload progress.
import type { MediaKind } from '@minhu/shared';
import { NETWORK_MESSAGE } from '../api/errors';
import { randomId } from '../lib/ids';
import type { PickedFile } from './attachments';
import { UploadFailure, type CompressedFile, type MediaPlatform } from './platform';
import { uploadTimeoutMs } from './timeouts';

/** blob: URL → the Blob behind it (the URL is what the rest of the app passes around). */
const blobs = new Map<string, Blob>();

function register(blob: Blob): string {
  const url = URL.createObjectURL(blob);
  blobs.set(url, blob);
  return url;
}

/** Max long side after compression; phone photos shrink from ~4 MB to ~300 KB. */
const MAX_SIDE = 1600;
const COMPRESS_ABOVE_BYTES = 400 * 1024;

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = reject;
    img.src = url;
  });
}

export async function compressWithCanvas(blob: Blob, url: string, maxSide = MAX_SIDE, quality = 0.75): Promise<Blob | null> {
  const img = await loadImage(url);
  const scale = Math.min(1, maxSide / Math.max(img.naturalWidth, img.naturalHeight));
  const w = Math.max(1, Math.round(img.naturalWidth * scale));
  const h = Math.max(1, Math.round(img.naturalHeight * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#fff'; // transparent PNG areas become white, not black, in JPEG
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(img, 0, 0, w, h);
  const out = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  return out && out.size < blob.size ? out : null;
}

function fileInput(kind: MediaKind): HTMLInputElement {
  const id = `minhu-file-input-${kind}`;
  let input = document.getElementById(id) as HTMLInputElement | null;
  if (!input) {
    input = document.createElement('input');
    input.id = id;
    input.type = 'file';
    input.setAttribute('data-testid', `file-input-${kind}`);
    input.setAttribute('aria-hidden', 'true');
    input.style.position = 'fixed';
    input.style.left = '-1000px';
    input.style.width = '1px';
    input.style.height = '1px';
    input.style.opacity = '0';
    document.body.appendChild(input);
  }
  input.accept = kind === 'image' ? 'image/*' : 'video/mp4,video/quicktime,video/*';
  input.multiple = true;
  input.value = '';
  return input;
}

export const mediaPlatform: MediaPlatform = {
  pick(kind, max) {
    if (max <= 0) return Promise.resolve([]);
    const input = fileInput(kind);
    return new Promise<PickedFile[]>((resolve) => {
      input.onchange = () => {
        const files = Array.from(input.files ?? []).slice(0, max);
        resolve(
          files.map((f) => ({
            localId: randomId(12),
            kind,
            path: register(f),
            contentType: f.type || (kind === 'image' ? 'image/jpeg' : 'video/mp4'),
            size: f.size,
            name: f.name,
          })),
        );
      };
      input.click();
    });
  },

  // A browser cannot keep a picked file across a reload: the draft keeps its words, not its files.
  keep: async () => null,
  release: async () => undefined,
  releaseAll: async () => undefined,
  compressVideo: async (file) => ({ path: file.path, size: file.size, contentType: file.contentType }),

  async compressImage(file): Promise<CompressedFile> {
    const blob = blobs.get(file.path);
    const keep = { path: file.path, size: file.size, contentType: file.contentType };
    if (!blob) return keep;
    const decodable = /^image\/(jpeg|png|webp|gif|bmp)$/.test(file.contentType);
    if (!decodable || file.size <= COMPRESS_ABOVE_BYTES) return keep;
    try {
      const out = await compressWithCanvas(blob, file.path);
      if (!out) return keep;
      return { path: register(out), size: out.size, contentType: 'image/jpeg' };
    } catch {
      return keep;
    }
  },

  upload(target, file, onProgress) {
    const xhr = new XMLHttpRequest();
    let aborted = false;
    const done = new Promise<void>((resolve, reject) => {
      const blob = blobs.get(file.path);
      if (!blob) {
        reject(new UploadFailure('页面刷新后需要重新选择这个文件', false));
        return;
      }
      const form = new FormData();
      // A presigned POST policy wants every field before the file.
      for (const [k, v] of Object.entries(target.fields)) form.append(k, v);
      form.append(target.fileField, blob, file.name || (file.contentType.startsWith('video/') ? 'video.mp4' : 'photo.jpg'));
      xhr.open('POST', target.url);
      xhr.timeout = uploadTimeoutMs(blob.size);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress((e.loaded / e.total) * 100);
      };
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) resolve();
        else reject(new UploadFailure(xhr.status === 400 || xhr.status === 403 ? '文件被存储服务拒绝，请点“重试”' : '上传失败，请点“重试”'));
      };
      xhr.onerror = () => reject(new UploadFailure(NETWORK_MESSAGE));
      xhr.ontimeout = () => reject(new UploadFailure('网络较慢，上传超时了，请点“重试”'));
      xhr.onabort = () => reject(new UploadFailure(aborted ? '已取消' : NETWORK_MESSAGE, !aborted));
      xhr.send(form);
    });
    return {
      done,
      abort() {
        aborted = true;
        xhr.abort();
      },
    };
  },
};

/** For tests: put a Blob behind a path the platform can upload. */
export function registerBlobForTest(blob: Blob): string {
  return register(blob);
}
