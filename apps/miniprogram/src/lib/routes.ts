// Navigation on the shared page table (packages/shared/src/pages.ts): the tabs, and the pages of the
// `sub` package with their query parameters.
import Taro from '@tarojs/taro';
import { PAGES, pagePath, TAB_PAGES } from '@minhu/shared';

const abs = (path: string) => `/${path}`;

export const TAB = {
  home: abs(PAGES.home),
  report: abs(PAGES.report),
  tickets: abs(PAGES.tickets),
} as const;

export const ROUTES = {
  ticket: (id: string) => abs(pagePath(PAGES.ticket, { id })),
  login: (redirect?: string) => abs(pagePath(PAGES.login, { redirect })),
  faq: (params: { categoryId?: string; q?: string }) => abs(pagePath(PAGES.faq, params)),
  faqEntry: (id: string) => abs(pagePath(PAGES.faqEntry, { id })),
  privacy: () => abs(PAGES.privacy),
};

const TAB_PATHS: string[] = TAB_PAGES.map(abs);

/** Goes to a page or tab; a page that cannot be stacked (stack full) replaces the current one. */
export function go(url: string): void {
  const path = url.split('?')[0]!;
  if (TAB_PATHS.includes(path)) {
    void Taro.switchTab({ url: path });
    return;
  }
  Taro.navigateTo({ url }).catch(() => Taro.redirectTo({ url }).catch(() => undefined));
}

/** Back, or to the home tab when the page was opened directly (shared link, reload on H5). */
export function back(fallback: string = TAB.home): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else go(fallback);
}
