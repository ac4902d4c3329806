// How long one upload may take: long enough for a large video on a weak mobile signal, short enough
// that a dead connection is noticed. Shared by both platforms' uploaders.

/** A slow but working mobile uplink (≈ 0.4 Mbit/s), in bytes per second. */
const SLOW_UPLINK_BYTES_PER_SECOND = 50 * 1024;
const MIN_MS = 60_000;
const MAX_MS = 45 * 60_000;

/** Milliseconds allowed to upload `size` bytes: 30 s to connect plus the bytes at a slow uplink, within 1–45 min. */
export function uploadTimeoutMs(size: number): number {
  const ms = 30_000 + (Math.max(0, size) / SLOW_UPLINK_BYTES_PER_SECOND) * 1000;
  return Math.round(Math.min(MAX_MS, Math.max(MIN_MS, ms)));
}
