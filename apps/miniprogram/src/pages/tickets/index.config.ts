// Page settings (title, pull-down refresh) for the mini-program and the H5 router.
export default definePageConfig({
  navigationBarTitleText: '我的工单',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 120,
});
