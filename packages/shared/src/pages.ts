/**
 * Every page of the citizen app, once: the Taro app config builds its page list from this table, the
 * app navigates with it, and the gateway links notifications to it (a test checks each path the
 * gateway can send exists in the built app.json).
 */

/** The three tabs live in the main package; everything else loads on demand from the `sub` package. */
export const SUBPACKAGE_ROOT = 'sub';

export const PAGES = {
  home: 'pages/index/index',
  report: 'pages/report/index',
  tickets: 'pages/tickets/index',
  ticket: `${SUBPACKAGE_ROOT}/ticket/index`,
  login: `${SUBPACKAGE_ROOT}/login/index`,
  faq: `${SUBPACKAGE_ROOT}/faq/index`,
  faqEntry: `${SUBPACKAGE_ROOT}/faq-entry/index`,
  privacy: `${SUBPACKAGE_ROOT}/privacy/index`,
} as const;
export type PageName = keyof typeof PAGES;
export type PagePath = (typeof PAGES)[PageName];

/** Tab pages, in tab-bar order (they take no query parameters). */
export const TAB_PAGES = [PAGES.home, PAGES.report, PAGES.tickets] as const;

/** Pages of the `sub` subpackage, relative to its root (as app.json lists them). */
export const SUBPACKAGE_PAGES: string[] = Object.values(PAGES)
  .filter((p) => p.startsWith(`${SUBPACKAGE_ROOT}/`))
  .map((p) => p.slice(SUBPACKAGE_ROOT.length + 1));

/** `page?query` without a leading slash (WeChat's `page` field of a subscribe message takes this form). */
export function pagePath(page: PagePath, query: Record<string, string | undefined> = {}): string {
  const q = Object.entries(query)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return q ? `${page}?${q}` : page;
}
