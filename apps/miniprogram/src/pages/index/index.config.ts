// Page settings (title, pull-down refresh) for the mini-program and the H5 router.
export default definePageConfig({ navigationBarTitleText: '民呼 · 智能问答' });
