// WeChat subscribe-message values must fit their field type or WeChat refuses the whole message
// (errcode 47003): `thing` ≤ 20 characters, `phrase` ≤ 5 Chinese characters, `character_string`
// ≤ 32 of [A-Za-z0-9_-.:#], `time` as "2026年12月3日 15:01". These turn any text into a valid value.

const chars = (s: string) => Array.from(s);

/** ≤ 20 characters of anything; longer text keeps 19 and ends with "…". */
export function thing(text: string): string {
  const c = chars(text.trim());
  return c.length > 20 ? `${c.slice(0, 19).join('')}…` : c.join('');
}

/** ≤ 5 Chinese characters and nothing else ("…" is not one, so a long phrase is cut). */
export function phrase(text: string): string {
  return chars(text)
    .filter((ch) => /\p{Script=Han}/u.test(ch))
    .slice(0, 5)
    .join('');
}

/** ≤ 32 of letters, digits and _-.:# (other characters dropped). */
export function characterString(text: string): string {
  return text.replace(/[^A-Za-z0-9_.:#-]/g, '').slice(0, 32);
}

/** A moment in China time as WeChat's `time` type shows it: 2026年12月3日 15:01. */
export function time(at: Date): string {
  const t = new Date(at.getTime() + 8 * 3600 * 1000);
  const hh = String(t.getUTCHours()).padStart(2, '0');
  const mm = String(t.getUTCMinutes()).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日 ${hh}:${mm}`;
}
