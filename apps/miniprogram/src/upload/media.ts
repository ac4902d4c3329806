// Mini-program attachments: Taro.chooseMedia, compressImage / compressVideo, copies kept in the
// user-data folder for drafts, and Taro.uploadFile with progress (H5 uses media.h5.ts instead; Taro
// picks the file by platform).
import Taro from '@tarojs/taro';
import type { MediaKind } from '@minhu/shared';
import { NETWORK_MESSAGE } from '../api/errors';
import { randomId } from '../lib/ids';
import { privacyRefusal } from '../lib/location-types';
import type { PickedFile } from './attachments';
import { contentTypeOf } from './media-types';
import { UploadFailure, type CompressedFile, type MediaPlatform } from './platform';
import { uploadTimeoutMs } from './timeouts';

/** Images below this size are sent as they are. */
const COMPRESS_ABOVE_BYTES = 400 * 1024;
/** Videos below this size are sent as they are (compression costs the phone time and battery). */
const COMPRESS_VIDEO_ABOVE_BYTES = 8 * 1024 * 1024;
/** Where draft attachments are kept, inside the mini-program's own user-data folder. */
const KEEP_DIR = 'minhu-drafts';

const fs = () => Taro.getFileSystemManager();

function fileSize(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    fs().getFileInfo({ filePath: path, success: (r) => resolve(r.size), fail: reject });
  });
}

function keepDir(): string {
  return `${Taro.env.USER_DATA_PATH}/${KEEP_DIR}`;
}

function ensureKeepDir(): Promise<void> {
  return new Promise((resolve) => {
    fs().access({
      path: keepDir(),
      success: () => resolve(),
      fail: () => fs().mkdir({ dirPath: keepDir(), recursive: true, success: () => resolve(), fail: () => resolve() }),
    });
  });
}

function extensionOf(path: string): string {
  const m = /\.([a-z0-9]{2,5})(?:\?.*)?$/i.exec(path);
  return m ? m[1]!.toLowerCase() : 'bin';
}

/** Why the picker did not open, in words that help: privacy consent, system permission, or else. */
function pickerFailure(e: unknown): UploadFailure {
  if (privacyRefusal(e)) {
    return new UploadFailure('您还没有同意《民呼隐私保护指引》，暂时不能使用相册和相机。可以只用文字描述问题，或再点一次并选择“同意”。', false);
  }
  if (/auth den|authorize|permission/i.test(String((e as { errMsg?: string })?.errMsg ?? ''))) {
    return new UploadFailure('微信没有相册或相机权限：请在微信的“设置 → 隐私”或手机系统设置里允许后重试', false);
  }
  return new UploadFailure('无法打开相册或相机，请稍后重试');
}

export const mediaPlatform: MediaPlatform = {
  async pick(kind: MediaKind, max: number): Promise<PickedFile[]> {
    if (max <= 0) return [];
    try {
      const res = await Taro.chooseMedia({
        count: max,
        mediaType: [kind],
        sourceType: ['album', 'camera'],
        sizeType: ['compressed'],
        maxDuration: 60,
        camera: 'back',
      });
      return res.tempFiles.map((f) => ({
        localId: randomId(12),
        kind,
        path: f.tempFilePath,
        thumb: kind === 'video' ? f.thumbTempFilePath : undefined,
        contentType: contentTypeOf(f.tempFilePath, kind === 'image' ? 'image/jpeg' : 'video/mp4'),
        size: f.size,
      }));
    } catch (e) {
      // Cancelling the picker is not an error worth showing.
      if (/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? ''))) return [];
      throw pickerFailure(e);
    }
  },

  async keep(file) {
    await ensureKeepDir();
    const target = `${keepDir()}/${file.localId}.${extensionOf(file.path)}`;
    return new Promise<string | null>((resolve) => {
      // saveFile moves the temp file into the user-data folder; WeChat then keeps it across launches.
      fs().saveFile({ tempFilePath: file.path, filePath: target, success: (r) => resolve(r.savedFilePath ?? target), fail: () => resolve(null) });
    });
  },

  async release(paths) {
    await Promise.all(
      paths.map(
        (filePath) =>
          new Promise<void>((resolve) => {
            fs().unlink({ filePath, success: () => resolve(), fail: () => resolve() });
          }),
      ),
    );
  },

  async releaseAll() {
    await new Promise<void>((resolve) => {
      fs().rmdir({ dirPath: keepDir(), recursive: true, success: () => resolve(), fail: () => resolve() });
    });
  },

  async compressImage(file) {
    if (file.size <= COMPRESS_ABOVE_BYTES) return { path: file.path, size: file.size, contentType: file.contentType };
    try {
      const res = await Taro.compressImage({ src: file.path, quality: 70, compressedWidth: 1600 } as Taro.compressImage.Option);
      const size = await fileSize(res.tempFilePath);
      if (size >= file.size) return { path: file.path, size: file.size, contentType: file.contentType };
      return { path: res.tempFilePath, size, contentType: contentTypeOf(res.tempFilePath, 'image/jpeg') };
    } catch {
      // Compression is a courtesy to the citizen's data plan, never a reason to fail.
      return { path: file.path, size: file.size, contentType: file.contentType };
    }
  },

  async compressVideo(file): Promise<CompressedFile> {
    const keep = { path: file.path, size: file.size, contentType: file.contentType };
    if (file.size <= COMPRESS_VIDEO_ABOVE_BYTES || typeof Taro.compressVideo !== 'function') return keep;
    try {
      const res = await Taro.compressVideo({ src: file.path, quality: 'medium' } as Taro.compressVideo.Option);
      const size = await fileSize(res.tempFilePath);
      // WeChat writes an mp4; a result no smaller than the original is not worth sending.
      return size > 0 && size < file.size ? { path: res.tempFilePath, size, contentType: 'video/mp4' } : keep;
    } catch {
      return keep; // older phones cannot compress: send the original
    }
  },

  upload(target, file, onProgress) {
    let task: Taro.UploadTask | undefined;
    let aborted = false;
    const done = new Promise<void>((resolve, reject) => {
      const returned = Taro.uploadFile({
        url: target.url,
        filePath: file.path,
        name: target.fileField,
        formData: target.fields,
        timeout: uploadTimeoutMs(file.size ?? 0),
        success: (res) => {
          if (res.statusCode >= 200 && res.statusCode < 300) resolve();
          else reject(new UploadFailure(res.statusCode === 400 || res.statusCode === 403 ? '文件被存储服务拒绝，请点“重试”' : '上传失败，请点“重试”'));
        },
        fail: (err) => {
          const msg = String(err?.errMsg ?? '');
          if (aborted) reject(new UploadFailure('已取消', false));
          else if (/no such file|not exist|找不到/i.test(msg)) reject(new UploadFailure('文件已失效，请删除后重新选择', false));
          else if (/timeout/i.test(msg)) reject(new UploadFailure('网络较慢，上传超时了，请点“重试”'));
          else reject(new UploadFailure(NETWORK_MESSAGE));
        },
      });
      // Taro's uploadFile also returns a promise that rejects on failure: the callbacks above
      // already handle it, so its rejection must not surface as an unhandled rejection.
      (returned as unknown as Promise<unknown>).catch?.(() => undefined);
      task = returned as unknown as Taro.UploadTask;
      task?.onProgressUpdate?.((p) => onProgress(p.progress));
    });
    return {
      done,
      abort() {
        aborted = true;
        task?.abort();
      },
    };
  },
};
