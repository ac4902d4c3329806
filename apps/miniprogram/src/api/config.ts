// Where the API is and which channel we are: H5 is served next to the API, the mini-program is not.

/** '' on H5 (same-origin /api); the gateway origin baked in at build time on the mini-program. */
export const API_BASE: string = typeof MINHU_API_BASE === 'string' ? MINHU_API_BASE : '';

/** Sent as X-Minhu-Channel. */
export const CHANNEL: 'h5' | 'miniprogram' = process.env.TARO_ENV === 'h5' ? 'h5' : 'miniprogram';

/** A weak signal is normal for our users: wait, but not forever. */
export const REQUEST_TIMEOUT_MS = 20_000;
