// Accessibility attributes, written once for both targets: a screen reader in a browser reads `role`
// and `aria-label`; WeChat's reads `aria-role` and `aria-label` (which reach the mini-program's
// templates through config/a11y-plugin.cjs). Taro's typings declare neither, hence the spread.

type Role = 'alert' | 'button' | 'link' | 'dialog' | 'img' | 'checkbox';

/** Spread onto a View/Text: what a screen reader calls it and what it is. */
export function a11y(label?: string, role?: Role): Record<string, string> {
  const out: Record<string, string> = {};
  if (label) out['aria-label'] = label;
  if (role) out[process.env.TARO_ENV === 'weapp' ? 'aria-role' : 'role'] = role;
  return out;
}

/** Spread onto a View that reports an error or danger: screen readers announce it at once. */
export const ALERT_ROLE = a11y(undefined, 'alert');
