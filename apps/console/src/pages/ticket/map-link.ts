// A link that opens a ticket's coordinates in a map app (Amap's web URI, which hands over to the app
// on a phone). Amap needs to know the datum: the mini-program's map picker gives GCJ-02, browsers and
// the mini-program's GPS give WGS-84.
import type { OperatorTicketDetail } from '@minhu/shared';

export function mapLink(t: Pick<OperatorTicketDetail, 'location' | 'channel'>): string | null {
  const loc = t.location;
  if (!loc || typeof loc.lat !== 'number' || typeof loc.lng !== 'number') return null;
  const declared = (loc as { coordSystem?: string }).coordSystem;
  const gcj = declared ? /gcj/i.test(declared) : t.channel === 'miniprogram';
  const p = new URLSearchParams({
    position: `${loc.lng},${loc.lat}`,
    name: loc.address,
    coordinate: gcj ? 'gaode' : 'wgs84',
    callnative: '1',
  });
  return `https://uri.amap.com/marker?${p.toString()}`;
}
