// Geohash cells and distances: known values, and the 3×3 block always covering 100 m.
import { describe, expect, it } from 'vitest';
import { cellAndNeighbours, distanceMetres, geohash } from './geo.js';

describe('geo', () => {
  it('encodes known geohashes', () => {
    expect(geohash(57.64911, 10.40744, 11)).toBe('u4pruydqqvj');
    expect(geohash(23.2016, 113.3267, 7)).toHaveLength(7);
  });

  it('measures distances on the sphere', () => {
    expect(distanceMetres({ lat: 23.2016, lng: 113.3267 }, { lat: 23.2016, lng: 113.3267 })).toBe(0);
    expect(distanceMetres({ lat: 23.2, lng: 113.3 }, { lat: 23.2009, lng: 113.3 })).toBeCloseTo(100, -1);
  });

  it('finds every point within 100 m in the 3×3 cells around a point', () => {
    for (let i = 0; i < 500; i++) {
      const a = { lat: 23.1 + Math.random() * 0.3, lng: 113.2 + Math.random() * 0.3 };
      const angle = Math.random() * 2 * Math.PI;
      const d = Math.random() * 100;
      const b = { lat: a.lat + (d * Math.cos(angle)) / 111_320, lng: a.lng + (d * Math.sin(angle)) / (111_320 * Math.cos((a.lat * Math.PI) / 180)) };
      expect(cellAndNeighbours(a.lat, a.lng)).toContain(geohash(b.lat, b.lng));
    }
  });
});
