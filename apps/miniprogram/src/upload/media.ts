// Mini-program attachments: Taro.chooseMedia, Taro.compressImage and Taro.uploadFile
// (H5 uses media.h5.ts instead; Taro picks the file by platform).
import Taro from '@tarojs/taro';
import type { MediaKind } from '@minhu/shared';
import { NETWORK_MESSAGE } from '../api/errors';
import { randomId } from '../lib/ids';
import type { PickedFile } from './attachments';
import { contentTypeOf } from './media-types';
import { UploadFailure, type MediaPlatform } from './platform';

/** Images below this size are sent as they are. */
const COMPRESS_ABOVE_BYTES = 400 * 1024;

function fileSize(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().getFileInfo({ filePath: path, success: (r) => resolve(r.size), fail: reject });
  });
}

export const mediaPlatform: MediaPlatform = {
  filesSurviveRestart: true,

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
      throw new UploadFailure('无法打开相册或相机，请在设置中允许访问后重试');
    }
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

  upload(target, file, onProgress) {
    let task: Taro.UploadTask | undefined;
    let aborted = false;
    const done = new Promise<void>((resolve, reject) => {
      task = Taro.uploadFile({
        url: target.url,
        filePath: file.path,
        name: target.fileField,
        formData: target.fields,
        timeout: 120_000,
        success: (res) => {
          if (res.statusCode >= 200 && res.statusCode < 300) resolve();
          else reject(new UploadFailure(res.statusCode === 400 || res.statusCode === 403 ? '文件被存储服务拒绝，请点“重试”' : '上传失败，请点“重试”'));
        },
        fail: (err) => {
          if (aborted) reject(new UploadFailure('已取消', false));
          else if (/no such file|not exist|找不到/i.test(String(err?.errMsg ?? ''))) reject(new UploadFailure('文件已失效，请删除后重新选择', false));
          else reject(new UploadFailure(NETWORK_MESSAGE));
        },
      }) as unknown as Taro.UploadTask;
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
