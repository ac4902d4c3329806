// Page settings for the mini-program and the H5 router; WeChat shows 转发 only with enableShareAppMessage.
export default definePageConfig({ navigationBarTitleText: '民呼 · 智能问答', enableShareAppMessage: true });
