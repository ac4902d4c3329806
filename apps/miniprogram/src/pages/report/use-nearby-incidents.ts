// 附议: the open incidents of the chosen category near the chosen point (GET /api/incidents/nearby),
// fetched once both are known and the citizen is signed in (the mini-program signs in silently, as the
// first photo does; a browser waits for the citizen to log in). A failure only hides the suggestions:
// filing alone always works.
import type { CategoryId, NearbyIncident } from '@minhu/shared';
import { useEffect, useState } from 'react';
import { api } from '../../api/minhu-api';
import { session } from '../../api/session';
import { signInWithWechat } from '../../lib/auth';

export interface NearbyState {
  /** What the items were fetched for (`lat,lng,category`); null while there is nothing to look for. */
  key: string | null;
  items: NearbyIncident[];
  loading: boolean;
  /** The last fetch for this key failed. */
  failed: boolean;
}

/** The key the nearby search depends on, or null when the point or the category is missing. */
export function nearbyKey(where: { lat?: number; lng?: number; categoryId: CategoryId | null }): string | null {
  return where.lat !== undefined && where.lng !== undefined && where.categoryId ? `${where.lat},${where.lng},${where.categoryId}` : null;
}

/** "10 米内" / "约 120 米" / "约 1.2 公里". */
export function distanceText(metres: number): string {
  if (metres < 10) return '10 米内';
  if (metres < 1000) return `约 ${Math.round(metres / 10) * 10} 米`;
  return `约 ${(metres / 1000).toFixed(1)} 公里`;
}

export function useNearbyIncidents(where: { lat?: number; lng?: number; categoryId: CategoryId | null }): NearbyState {
  const key = nearbyKey(where);
  const [token, setToken] = useState<string | null>(() => session.token());
  const [state, setState] = useState<NearbyState>({ key: null, items: [], loading: false, failed: false });
  useEffect(() => session.subscribe((s) => setToken(s?.token ?? null)), []);

  useEffect(() => {
    if (!key) {
      setState({ key: null, items: [], loading: false, failed: false });
      return;
    }
    if (!token) {
      // The session this sign-in makes changes `token`, which runs this again with it.
      if (process.env.TARO_ENV === 'weapp') signInWithWechat().catch(() => undefined);
      return;
    }
    let live = true;
    setState((s) => ({ key, items: s.key === key ? s.items : [], loading: true, failed: false }));
    api.incidents
      .nearby({ lat: where.lat!, lng: where.lng!, coordSystem: 'gcj02', categoryId: where.categoryId! })
      .then((r) => live && setState({ key, items: r.items, loading: false, failed: false }))
      .catch(() => live && setState({ key, items: [], loading: false, failed: true }));
    return () => {
      live = false;
    };
  }, [key, token]);

  return state.key === key ? state : { key, items: [], loading: Boolean(key), failed: false };
}
