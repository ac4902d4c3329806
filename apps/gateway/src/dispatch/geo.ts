// Places for incident matching and hotspots: geohash cells (a 7-character cell is about 153 × 153 m,
// so a point's cell and its 8 neighbours hold everything within 100 m), and distances on the sphere.

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';

/** Geohash of a point (GCJ-02 degrees are fine: cells only need to be consistent with each other). */
export function geohash(lat: number, lng: number, precision = 7): string {
  let latMin = -90;
  let latMax = 90;
  let lngMin = -180;
  let lngMax = 180;
  let hash = '';
  let bits = 0;
  let bit = 0;
  let even = true;
  while (hash.length < precision) {
    if (even) {
      const mid = (lngMin + lngMax) / 2;
      if (lng >= mid) {
        bits = (bits << 1) | 1;
        lngMin = mid;
      } else {
        bits <<= 1;
        lngMax = mid;
      }
    } else {
      const mid = (latMin + latMax) / 2;
      if (lat >= mid) {
        bits = (bits << 1) | 1;
        latMin = mid;
      } else {
        bits <<= 1;
        latMax = mid;
      }
    }
    even = !even;
    if (++bit === 5) {
      hash += BASE32[bits];
      bits = 0;
      bit = 0;
    }
  }
  return hash;
}

/** The cell size in degrees for a precision (latitude span, longitude span). */
function cellSpan(precision: number): { dLat: number; dLng: number } {
  const lngBits = Math.ceil((precision * 5) / 2);
  const latBits = Math.floor((precision * 5) / 2);
  return { dLat: 180 / 2 ** latBits, dLng: 360 / 2 ** lngBits };
}

/** The point's cell and the 8 around it. */
export function cellAndNeighbours(lat: number, lng: number, precision = 7): string[] {
  const { dLat, dLng } = cellSpan(precision);
  const out = new Set<string>();
  for (const i of [-1, 0, 1]) for (const j of [-1, 0, 1]) out.add(geohash(lat + i * dLat, lng + j * dLng, precision));
  return [...out];
}

/** Great-circle distance in metres. */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6_371_000;
  const toRad = (d: number) => (d * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}
