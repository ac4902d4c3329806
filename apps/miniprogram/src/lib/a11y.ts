// Accessibility attributes Taro's View typings do not declare; passed through to the H5 DOM.

/** Spread onto a View that reports an error or danger: screen readers announce it at once. */
export const ALERT_ROLE = { role: 'alert' } as Record<string, string>;
