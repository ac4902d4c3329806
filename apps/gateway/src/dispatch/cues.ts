// The distinctions a dispatcher draws (OWNERSHIP.md's boundary rules), as named cue sets read once per
// work order. They are not rules: each hit and each pair of hits becomes a feature of the learned
// department model, whose weights decide — "night" and "construction" together lean to 城管 because the
// labelled work orders say so, not because a branch here does.

/** Each cue: words in normalized text (Simplified, English mapped to Chinese by the chat's normalizer). */
export const DISPATCH_CUES = {
  /** Night or small hours (夜间施工 is 城管's). */
  night: ['夜里', '夜间', '半夜', '深夜', '凌晨', '晚上', '晚上十', '十一点', '十二点', '一点', '两点', '三点', '22点', '23点', '通宵', '睡不着', '睡觉', 'night', 'midnight'],
  /** Daytime. */
  day: ['白天', '上午', '下午', '中午', '早上'],
  /** Building sites and works. */
  construction: ['工地', '施工', '打桩', '装修', '搅拌', '挖掘', '钻', '电钻', '切割', '泥头车', '渣土', '脚手架', '塔吊', '建筑'],
  /** Neighbours and homes. */
  neighbour: ['邻居', '楼上', '楼下', '隔壁', '对门', '住户', '家里', '他家', '狗叫', '吵架', '打架'],
  /** Factories and enterprises. */
  factory: ['工厂', '厂里', '厂房', '车间', '厂子', '企业', '化工', '排污', '烟囱', '冶炼', '塑料厂', '加工厂'],
  /** Shops, restaurants, bars, street stalls. */
  shop: ['饭店', '餐馆', '餐厅', '烧烤', '大排档', '酒吧', 'KTV', '商铺', '店铺', '店门口', '音响', '喇叭', '摊', '夜市'],
  /** Cooking fumes. */
  fumes: ['油烟', '炒菜', '排烟', '烟味'],
  /** Gas. */
  gas: ['煤气', '燃气', '天然气', '液化气', '气味', '臭鸡蛋'],
  /** Inside a residential compound. */
  compound: ['小区', '院内', '院子', '花园', '苑', '楼栋', '楼道', '单元', '物业', '业主', '小区里'],
  /** A public road. */
  road: ['马路', '路面', '路上', '大道', '主干道', '公路', '人行道', '路口', '车道', '桥'],
  /** Holes and surface damage. */
  pothole: ['坑', '塌陷', '凹', '破损', '裂', '陷下去', '沉下去'],
  /** Water. */
  water: ['水', '停水', '爆管', '漏水', '水管', '水压', '自来水'],
  /** Standing water and drains. */
  flooding: ['积水', '水浸', '内涝', '淹', '下水道', '排水', '堵塞', '井盖'],
  /** Wages. */
  wages: ['工资', '欠薪', '薪水', '工钱', '拖欠', '劳务费', '血汗钱'],
  /** Elderly people. */
  elderly: ['老人', '老年', '高龄', '养老', '敬老', '长者'],
  /** Money owed by the state to the citizen (allowances). */
  allowance: ['补贴', '津贴', '补助', '低保', '救助'],
  /** Community services. */
  community: ['社区', '居委', '居委会', '街道', '网格'],
  /** Licences and shops' paperwork. */
  licence: ['营业执照', '执照', '无证', '许可证', '登记'],
  /** Police matters. */
  police: ['打人', '偷', '被盗', '诈骗', '骗', '报警', '赌博', '吸毒', '派出所', '身份证', '户口', '居住证'],
} as const;

export type DispatchCue = keyof typeof DISPATCH_CUES;

const CUE_NAMES = Object.keys(DISPATCH_CUES) as DispatchCue[];

/** The cues a normalized text hits. */
export function cueHits(normalized: string): DispatchCue[] {
  const text = normalized.toLowerCase();
  return CUE_NAMES.filter((cue) => DISPATCH_CUES[cue].some((w) => text.includes(w.toLowerCase())));
}

/** Feature strings of the hits and of every pair of hits (the conjunctions the boundary rules turn on). */
export function cueFeatures(hits: readonly DispatchCue[]): string[] {
  const out = hits.map((h) => `q:${h}`);
  for (let i = 0; i < hits.length; i++) for (let j = i + 1; j < hits.length; j++) out.push(`q:${hits[i]}+${hits[j]}`);
  return out;
}
