// Pages, tabs and subpackages: the three tabs stay in the main package; detail, login and FAQ load on demand.
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/report/index', 'pages/tickets/index'],
  subPackages: [
    {
      root: 'sub',
      pages: ['ticket/index', 'login/index', 'faq/index'],
    },
  ],
  preloadRule: {
    'pages/tickets/index': { network: 'all', packages: ['sub'] },
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
      { pagePath: 'pages/index/index', text: '智能问答', iconPath: 'assets/tabbar/chat.png', selectedIconPath: 'assets/tabbar/chat-active.png' },
      { pagePath: 'pages/report/index', text: '我要反映', iconPath: 'assets/tabbar/report.png', selectedIconPath: 'assets/tabbar/report-active.png' },
      { pagePath: 'pages/tickets/index', text: '我的工单', iconPath: 'assets/tabbar/tickets.png', selectedIconPath: 'assets/tabbar/tickets-active.png' },
    ],
  },
  permission: {
    'scope.userLocation': { desc: '用于在地图上选择问题发生的位置' },
  },
  requiredPrivateInfos: ['chooseLocation'],
  // H5: no slide animation between pages. With it, Taro's router hides the page being left on a
  // timer that a quick "back" does not cancel, so going back within ~0.4 s of opening a page left a
  // blank screen until reload (NervJS/taro#13365; caught by tests/e2e/citizen-journey.int.test.ts).
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
});
