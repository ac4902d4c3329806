// Stored coordinates are GCJ-02 (what WeChat and Chinese map apps use); a WGS-84 point (a browser's
// or an API client's GPS) is converted with gcoord when it comes in.
import { STORED_COORD_SYSTEM, type Location, type LocationInput } from '@minhu/shared';
import gcoordModule from 'gcoord';

// gcoord is CommonJS whose types describe an ES default export: Node hands us module.exports itself.
const gcoord = ((gcoordModule as { default?: unknown }).default ?? gcoordModule) as typeof gcoordModule.default;

export function toStoredLocation(input: LocationInput): Location {
  const { coordSystem, lat, lng, ...rest } = input;
  if (lat === undefined || lng === undefined) return rest;
  if (coordSystem === 'wgs84') {
    const [gLng, gLat] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
    return { ...rest, lat: round(gLat), lng: round(gLng), coordSystem: STORED_COORD_SYSTEM };
  }
  return { ...rest, lat, lng, coordSystem: STORED_COORD_SYSTEM };
}

/** About 1 cm: more digits are noise. */
const round = (x: number) => Math.round(x * 1e7) / 1e7;
