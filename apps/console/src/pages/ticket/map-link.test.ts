// The map link names the datum Amap must read the coordinates in.
import { describe, expect, it } from 'vitest';
import { mapLink } from './map-link';

const at = { address: '幸福路88号', lat: 23.1608, lng: 113.2718 };

describe('mapLink', () => {
  it('reads the mini-program’s map picker as GCJ-02 and browsers as WGS-84, unless the ticket says', () => {
    expect(mapLink({ location: at, channel: 'miniprogram' })).toContain('coordinate=gaode');
    expect(mapLink({ location: at, channel: 'h5' })).toContain('coordinate=wgs84');
    expect(mapLink({ location: { ...at, coordSystem: 'gcj02' } as typeof at, channel: 'h5' })).toContain('coordinate=gaode');
    expect(new URL(mapLink({ location: at, channel: 'h5' })!).searchParams.get('position')).toBe('113.2718,23.1608');
  });

  it('gives no link without coordinates', () => {
    expect(mapLink({ location: { address: '幸福路88号' }, channel: 'h5' })).toBeNull();
    expect(mapLink({ location: null, channel: 'h5' })).toBeNull();
  });
});
