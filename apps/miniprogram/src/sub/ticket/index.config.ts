// Page settings (title, pull-down refresh) for the mini-program and the H5 router.
export default definePageConfig({ navigationBarTitleText: '工单详情', enablePullDownRefresh: true, backgroundTextStyle: 'dark' });
