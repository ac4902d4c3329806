// The staff session, kept for this browser tab only (sessionStorage): closing the tab signs out.
import type { StaffSession } from '@minhu/shared';

const KEY = 'minhu.console.session';

export type Session = Pick<StaffSession, 'token' | 'expiresAt' | 'staff'>;

export function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    return new Date(s.expiresAt).getTime() > Date.now() ? s : null;
  } catch {
    return null;
  }
}

/** True (and the stale entry removed) when this tab holds a session that has run out. */
export function takeExpiredSession(): boolean {
  if (!sessionStorage.getItem(KEY) || loadSession()) return false;
  clearSession();
  return true;
}

export function saveSession(s: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(s));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
