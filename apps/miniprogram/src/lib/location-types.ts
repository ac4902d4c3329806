// A place the citizen picked, in the coordinate system the API stores (GCJ-02).

export interface LocationPick {
  /** Address WeChat's picker gave (empty when only a position is known). */
  address: string;
  lat: number;
  lng: number;
  coordSystem: 'gcj02';
}

/**
 * WeChat refuses APIs that touch personal data until the citizen agrees to the privacy guide
 * (errno 104 / 112, "privacy agreement"): such a refusal needs that advice, not "open the settings".
 */
export function privacyRefusal(e: unknown): boolean {
  const err = e as { errno?: number; errMsg?: string };
  return err?.errno === 104 || err?.errno === 112 || /privacy/i.test(String(err?.errMsg ?? ''));
}
