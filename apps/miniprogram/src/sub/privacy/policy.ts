// The text of 民呼's privacy policy (隐私政策), section by section: what is collected, why, who sees
// it, how long it is kept and what the citizen can do. The WeChat console's 隐私保护指引 declares the
// same uses (README, 发布小程序).

export interface PolicySection {
  title: string;
  paragraphs: string[];
}

export const POLICY_UPDATED = '2026年12月3日';

export const POLICY: PolicySection[] = [
  {
    title: '我们是谁',
    paragraphs: ['“民呼”是本市 12345 政务服务便民热线的线上入口，由 12345 热线工作机构运营，用于解答咨询、受理您反映的问题并跟踪办理进度。'],
  },
  {
    title: '我们收集哪些信息、为什么收集',
    paragraphs: [
      '手机号：用于登录，以及 12345 热线回访您、请您评价办理结果。在小程序中可通过微信“手机号快速验证”或短信验证码提供。',
      '微信标识（openid）：在小程序中用于识别您的账号，并在您同意后向您发送办理进度的订阅消息。',
      '位置：仅在您点击“在地图上选择位置”或“附上我的当前位置”时获取，用于让承办部门找到问题发生的地点。',
      '照片、视频（含录像时的声音）：仅在您点击添加照片或视频时，从相册选择或用相机拍摄，作为您反映问题的证据。',
      '您填写和发送的内容：问题描述、地址、智能问答中的对话，用于解答和办理您的诉求。',
    ],
  },
  {
    title: '谁会看到这些信息',
    paragraphs: [
      '12345 热线工作人员和承办部门为办理您的诉求会看到工单内容。选择“匿名反映”时，承办部门看不到您的姓名和电话，热线仍可回访您。',
      '我们不会将您的个人信息用于办理诉求以外的目的，也不会出售或提供给其他商业机构。',
    ],
  },
  {
    title: '保存多久',
    paragraphs: [
      '工单及其照片、视频按政务服务热线档案管理的规定保存。未用于提交工单的照片和视频在一天后自动删除。',
      '在本机保存的草稿、对话记录和您填写的回访电话，会在您退出登录时全部清除。',
    ],
  },
  {
    title: '您的权利',
    paragraphs: [
      '您可以随时查看自己提交的工单及办理进度；可以撤回尚未受理的工单。',
      '如需查询、更正或删除您的个人信息，或撤回同意，请拨打 12345 热线，工作人员会在 15 个工作日内答复。',
    ],
  },
  {
    title: '联系我们',
    paragraphs: ['对本政策有任何疑问，请拨打 12345 热线。'],
  },
];
