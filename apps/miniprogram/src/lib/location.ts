// Where the problem is, on the mini-program: WeChat's map picker, whose coordinates are GCJ-02
// (H5 uses location.h5.ts; Taro picks the file by platform).
import Taro from '@tarojs/taro';
import { privacyRefusal, type LocationPick } from './location-types';

export type { LocationPick } from './location-types';

/** Map picker label on this platform. */
export const PICK_LABEL = '在地图上选择位置';

/** The picked place, null when the citizen cancelled; throws a Chinese message when it cannot open. */
export async function pickLocation(): Promise<LocationPick | null> {
  try {
    const res = await Taro.chooseLocation({});
    const address = [res.address, res.name].filter(Boolean).join(' ').trim();
    return { address, lat: res.latitude, lng: res.longitude, coordSystem: 'gcj02' };
  } catch (e) {
    const errMsg = String((e as { errMsg?: string })?.errMsg ?? '');
    if (/cancel/i.test(errMsg)) return null;
    throw new Error(privacyRefusal(e) ? '您还没有同意《民呼隐私保护指引》，暂时不能使用地图选点。请直接填写地址，或再点一次并选择“同意”。' : '未能打开地图，请直接填写地址，或在微信设置中允许使用位置');
  }
}
