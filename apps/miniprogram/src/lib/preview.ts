// Full-screen photo viewer: the mini-program's own (Taro.previewImage); H5 uses preview.h5.ts, since
// Taro's H5 viewer would add ~380 KB of script to every page that shows photos.
import Taro from '@tarojs/taro';

export function previewImages(urls: string[], current: string): void {
  Taro.previewImage({ urls, current }).catch(() => undefined);
}
