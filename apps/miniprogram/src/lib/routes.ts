// Page paths in one place; the three tabs live in the main package, the rest in the `sub` subpackage.
import Taro from '@tarojs/taro';

export const TAB = {
  home: '/pages/index/index',
  report: '/pages/report/index',
  tickets: '/pages/tickets/index',
} as const;

export const ROUTES = {
  ticket: (id: string) => `/sub/ticket/index?id=${encodeURIComponent(id)}`,
  login: (redirect?: string) => `/sub/login/index${redirect ? `?redirect=${encodeURIComponent(redirect)}` : ''}`,
  faq: (params: { categoryId?: string; q?: string }) => {
    const q = Object.entries(params)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${encodeURIComponent(v!)}`)
      .join('&');
    return `/sub/faq/index${q ? `?${q}` : ''}`;
  },
};

const TAB_PATHS: string[] = Object.values(TAB);

/** Goes to a page or tab; a page that cannot be stacked (stack full) replaces the current one. */
export function go(url: string): void {
  const path = url.split('?')[0]!;
  if (TAB_PATHS.includes(path)) {
    void Taro.switchTab({ url: path });
    return;
  }
  Taro.navigateTo({ url }).catch(() => Taro.redirectTo({ url }));
}

/** Back, or to the home tab when the page was opened directly (shared link, reload on H5). */
export function back(fallback: string = TAB.home): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else go(fallback);
}
