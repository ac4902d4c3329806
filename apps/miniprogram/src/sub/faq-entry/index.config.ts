// Page settings for the mini-program and the H5 router; WeChat shows 转发 only with enableShareAppMessage.
export default definePageConfig({ navigationBarTitleText: '问答原文', enableShareAppMessage: true });
