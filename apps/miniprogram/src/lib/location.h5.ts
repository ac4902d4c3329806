// Where the problem is, in a browser: the device's position (WGS-84, as browsers give it) converted
// to GCJ-02 with gcoord, the system the API stores.
import Taro from '@tarojs/taro';
import gcoord from 'gcoord';
import type { LocationPick } from './location-types';

export type { LocationPick } from './location-types';

export const PICK_LABEL = '附上我的当前位置';

export async function pickLocation(): Promise<LocationPick | null> {
  let res;
  try {
    res = await Taro.getLocation({ type: 'wgs84' });
  } catch {
    throw new Error('无法获取当前位置，请直接填写地址');
  }
  const [lng, lat] = gcoord.transform([res.longitude, res.latitude], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return { address: '', lat: Math.round(lat * 1e7) / 1e7, lng: Math.round(lng * 1e7) / 1e7, coordSystem: 'gcj02' };
}
