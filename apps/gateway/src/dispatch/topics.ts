// The matters a district's departments handle, as named topics with the words citizens use for them —
// the vocabulary a trained dispatcher carries in their head. A topic names a matter, never a department:
// the learned model maps topics to whatever departments a city has (from the shipped work orders and the
// city's own dispatch history), so a city with its own DEPARTMENTS list still gains from them.

export const DISPATCH_TOPICS: Record<string, readonly string[]> = {
  streetLight: ['路灯', '路等', '灯不亮', '灯坏', '黑漆漆', '一片黑', '全黑', 'street light', 'streetlight', 'street lamp'],
  illegalStructure: ['违建', '违章建筑', '乱搭', '搭建', '加盖', '私搭', '铁皮房', '阳光房', '违法建设'],
  streetVending: ['占道', '摆摊', '小贩', '流动摊', '出店经营', '店外经营', '乱摆', '三轮车'],
  signage: ['招牌', '广告牌', '横幅', '灯箱', '户外广告', 'billboard'],
  streetRubbish: ['垃圾桶', '垃圾满', '垃圾堆', '乱扔', '乱倒', '偷倒', '建筑垃圾', '渣土', '清运', 'garbage', 'rubbish', 'trash'],
  publicToilet: ['公厕', '公共厕所'],
  greenery: ['绿化', '树木', '砍树', '锯树', '草坪', '树枝', '榕树'],
  cookingFumes: ['油烟', '有烟', '排烟管', '排气管', '炒菜', '烧烤', '烤串', 'fumes', 'bbq', 'barbecue'],
  siteManagement: ['工地扬尘', '扬尘', '泥头车', '围挡', '脚手架', '塔吊', '钢筋', '打桩', '施工安全'],
  propertyManagement: ['物业', '物叶', '物管', '管理费', '物业费', '业委会', '维修基金', '维修资金'],
  elevator: ['电梯', '困人', '关人', 'elevator', 'lift'],
  rental: ['租房', '房东', '押金', '中介', '租客', '退租', 'landlord', 'deposit', 'tenant'],
  buildingSafety: ['裂缝', '开裂', '危房', '墙体', '承重墙', '楼板'],
  wages: ['工资', '欠薪', '工钱', '薪水', '薪资', '劳务费', '拖欠', '血汗钱', 'salary', 'wage', 'unpaid'],
  labourContract: ['劳动合同', '辞退', '开除', '加班', '社保没交', '试用期', '劳动仲裁', '仲裁'],
  pension: ['养老金', '退休金', '退休', '养老保险', '领取', 'pension', 'retire'],
  unemployment: ['失业金', '失业保险', '失业'],
  medicalInsurance: ['医保', '报销', '异地就医', '备案', '医疗保险', '统筹', '门特', '刷卡', '医保卡', 'medical insurance'],
  consumer: ['退款', '退钱', '假货', '质量问题', '售后', '消费', '预付卡', '会员卡', '充值', '跑路', '虚假宣传', '价格', '标价', 'refund', 'fake'],
  foodSafety: ['食品', '过期', '变质', '卫生', '吃坏', '拉肚子', '苍蝇', '作坊', '后厨', 'food poisoning'],
  businessLicence: ['营业执照', '执照', '工商', '注册公司', '个体户', '年报', '无证经营', 'business license'],
  pharmacy: ['药店', '药房', '假药', '处方药'],
  industrialPollution: ['工厂', '厂里', '厂房', '排污', '污水', '废气', '化工', '烟囱', '刺鼻', '臭味', '粉尘', '噪音大的机器', 'factory', 'chemical'],
  school: ['学校', '入学', '学位', '划片', '转学', '幼儿园', '小学', '初中', '老师', '补课', '校外培训', '培训机构', 'school', 'kindergarten'],
  marriage: ['结婚', '离婚', '婚姻登记', '领证', '冷静期', 'marriage', 'marry', 'divorce'],
  subsistence: ['低保', '最低生活', '特困', '五保', '救助', '困难补助', '孤寡'],
  vagrant: ['流浪', '乞讨', '讨钱', '救助站', '露宿'],
  funeral: ['殡葬', '火化', '墓地', '公墓', '骨灰', '丧葬'],
  disability: ['残疾', '残疾证', '残疾人'],
  elderlyAllowance: ['高龄津贴', '高龄补贴', '老人补贴', '长寿金', '养老院', '敬老院', '养老机构', 'nursing home'],
  communityCare: ['长者饭堂', '老年饭堂', '居家养老', '上门服务', '日间照料', '助餐'],
  hospital: ['医院', '医生', '护士', '挂号', '看病', '诊所', '门诊', 'hospital', 'doctor', 'clinic'],
  vaccination: ['疫苗', '接种', '打针', 'vaccine'],
  pregnancy: ['怀孕', '建档', '产检', '孕妇', '出生证', '出生医学证明', 'pregnant', 'birth certificate'],
  illegalClinic: ['非法行医', '黑诊所', '无证行医', '医美', '美容针'],
  neighbourNoise: ['邻居', '楼上', '隔壁', '对门', '吵架', '打架', '家暴', '狗叫', '音响', '唱歌', 'neighbour', 'neighbor'],
  crime: ['偷', '被盗', '小偷', '诈骗', '骗子', '打人', '赌博', '吸毒', '报警', '派出所', 'police', 'stolen', 'scam'],
  household: ['户口', '身份证', '居住证', '落户', '迁户', 'hukou', 'id card'],
  road: ['马路', '路面', '坑洼', '坑', '塌陷', '大道', '公路', '人行道', 'pothole', 'road'],
  bus: ['公交', '公交车', '司机', '站台', '线路', '班次', '出租车', '网约车', 'bus', 'taxi'],
  parking: ['停车', '违停', '乱停', '占用车位', '僵尸车', 'parking'],
  waterlogging: ['积水', '水浸', '内涝', '淹', '下水道', '排水', '堵塞', '雨水', 'flooding', 'flooded'],
  manhole: ['井盖', '井该', '窨井', 'manhole'],
  river: ['河涌', '河道', '河水', '河里'],
  disasterRelief: ['台风', '地震', '滑坡', '泥石流', '受灾', '避难', '避险', '救灾', '暴雨预警', 'typhoon'],
  hazardSafety: ['安全隐患', '消防通道', '灭火器', '危险品', '液化气瓶', '气瓶', '易燃'],
  propertyCertificate: ['不动产', '房产证', '产权证', '过户', '抵押', '继承', '房本'],
  housingFund: ['公积金', '公积今', 'provident fund'],
  waterSupply: ['停水', '没水', '水压', '自来水', '水费', '水表', '爆管', '水管', '黄水', '水质', 'no water', 'tap water'],
  powerSupply: ['停电', '没电', '电压', '电费', '电表', '电线', '变压器', '跳闸', 'power cut', 'blackout', 'electricity'],
  gasSupply: ['燃气', '煤气', '天然气', '停气', '燃气费', '燃气表', '气味', '漏气', 'gas'],
  heating: ['暖气', '供暖', '供暧', '取暖费', '采暖', '暖气片', 'heating', 'radiator'],
  community: ['社区', '居委会', '居委', '网格员', '村委', '小区内', '小区里'],
  strayAnimals: ['流浪狗', '流浪猫', '野狗', '狗咬', 'stray dog'],
};

const TOPIC_NAMES = Object.keys(DISPATCH_TOPICS);

/** Topic features of a normalized text (one per topic it names). */
export function topicFeatures(normalized: string): string[] {
  const text = normalized.toLowerCase();
  return TOPIC_NAMES.filter((t) => DISPATCH_TOPICS[t]!.some((w) => text.includes(w.toLowerCase()))).map((t) => `t:${t}`);
}
