// Pages, tabs and subpackages from the one page table in packages/shared (the gateway links
// notifications to the same table): the three tabs stay in the main package, the rest load on demand.
// Imported by relative path: Taro evaluates this file on its own, outside the app's module aliases.
import { PAGES, SUBPACKAGE_PAGES, SUBPACKAGE_ROOT, TAB_PAGES } from '../../../packages/shared/src/pages';

export default defineAppConfig({
  pages: [...TAB_PAGES],
  subPackages: [{ root: SUBPACKAGE_ROOT, pages: SUBPACKAGE_PAGES }],
  preloadRule: {
    [PAGES.tickets]: { network: 'all', packages: [SUBPACKAGE_ROOT] },
  },
  window: {
    navigationBarTitleText: '民呼 12345',
    navigationBarBackgroundColor: '#1456c4',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f3f5',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#4b4f56',
    selectedColor: '#1456c4',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: PAGES.home, text: '智能问答', iconPath: 'assets/tabbar/chat.png', selectedIconPath: 'assets/tabbar/chat-active.png' },
      { pagePath: PAGES.report, text: '我要反映', iconPath: 'assets/tabbar/report.png', selectedIconPath: 'assets/tabbar/report-active.png' },
      { pagePath: PAGES.tickets, text: '我的工单', iconPath: 'assets/tabbar/tickets.png', selectedIconPath: 'assets/tabbar/tickets-active.png' },
    ],
  },
  permission: {
    'scope.userLocation': { desc: '用于在地图上选择问题发生的位置' },
  },
  requiredPrivateInfos: ['chooseLocation'],
  // WeChat's privacy check: APIs that touch personal data wait for the citizen's consent, which
  // lib/privacy.ts asks for with the agreement pop-up (onNeedPrivacyAuthorization).
  __usePrivacyCheck__: true,
  // H5: no slide animation between pages. With it, Taro's router hides the page being left on a
  // timer that a quick "back" does not cancel, so going back within ~0.4 s of opening a page left a
  // blank screen until reload (NervJS/taro#13365; caught by tests/e2e/citizen-journey.int.test.ts).
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
});
