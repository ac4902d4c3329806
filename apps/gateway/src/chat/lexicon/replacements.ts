// Why: citizens write typos, colloquialisms and dialect; mapping them to one canonical form (on both the KB and the query) lets retrieval and rules see the same words.
/**
 * canonical → variants. Applied by longest match, so a canonical that contains a variant
 * (营业执照 ⊃ 执照) is protected: it matches first and maps to itself.
 */
export const TYPOS: Record<string, string[]> = {
  社保卡: ['社宝卡', '设保卡', '社包卡', '杜保卡', '社报卡', '社会保障卡', '社保咔', '社保k'],
  社保: ['社宝', '设保', '社葆'],
  公积金: ['公基金', '公积全', '工积金', '公机金', '供积金', '公绩金', '公鸡金', '公几金', '公积斤', 'gjj', '住房公基金'],
  营业执照: ['执照', '营业证', '营业执造', '营业只照', '营业执找', '营业照'],
  驾驶证: ['驾照', '驾驶执照', '驾使证', '驾驶正', '驾证', '驾驶本'],
  行驶证: ['行使证', '行驶正', '车辆行驶证'],
  户口: ['户囗', '戸口', '户扣', '户口口'],
  身份证: ['身分证', '身仹证', '生份证', '身份正', '身份证件', '二代证', '身fen证', '身份zheng'],
  居住证: ['居往证', '居注证', '局住证', '居住正'],
  供暖: ['供暧', '供热', '采暖'],
  暖气: ['暧气', '嗳气', '曖气', '暖汽', '暖器', '暖炁'],
  供暖费: ['取暖费', '采暖费', '暖气费', '供热费'],
  医保: ['医宝', '依保', '医葆', '医疗保险'],
  异地就医: ['异地就依', '异地救医', '外地就医', '外地看病', '异地看病'],
  拖欠: ['拖久', '拖钦', '托欠'],
  工资: ['工姿', '共资', '工钱', '薪水', '薪资', '薪酬', '血汗钱'],
  欠薪: ['欠新', '欠工资'],
  噪音: ['噪声', '噪间', '燥音', '躁音', '噪因', '燥声', '躁声'],
  扰民: ['扰明', '绕民'],
  不动产: ['不动惨', '不动铲'],
  房产证: ['房产正', '房本本', '房本', '房产本', '房证', '不动产权证书', '不动产权证', '房屋所有权证', '产权证'],
  幼儿园: ['幼儿圆', '幼儿源', '幼稚园', '幼儿院'],
  新生儿: ['新身儿', '新生婴儿', '刚出生的孩子', '刚出生的宝宝', '刚生的孩子', '刚生的宝宝'],
  出生证明: ['出生证名', '出生医学证明', '出生证', '出世纸', '出生纸', '出生医学证'],
  红绿灯: ['红路灯', '洪绿灯', '红绿登', '信号灯', '交通灯', '红灯绿灯'],
  退休: ['退修', '退体'],
  失业金: ['失业经', '失业今', '失业救济金', '失业保险金'],
  养老金: ['退休金', '养老钱', '退休工资', '养老保险金'],
  台风: ['台凤', '抬风', '颱风'],
  地震: ['地振'],
  滑坡: ['滑破'],
  内涝: ['内捞', '内劳'],
  积水: ['水浸', '水浸街'],
  违停: ['违章停车', '违法停车', '乱停车', '乱停乱放', '违规停车'],
  公交: ['公交车', '巴士', '公共汽车'],
  电动车: ['电瓶车', '电驴', '小电驴', '电单车'],
  停电: ['断电'],
  停水: ['断水'],
  停气: ['停燃气', '停天然气', '停煤气'],
  孩子: ['小孩子', '小孩', '小朋友', '娃娃', '娃', '伢子', '细伢子', '伢', '崽', '细路仔', '细路'],
  老年人: ['长者', '老年朋友', '老人家'],
  预付卡: ['预存卡', '储值卡', '充值卡'],
};

/** Dialect (Cantonese, Northern, Sichuan, Wu) and spoken forms → standard Mandarin. */
export const DIALECT: Record<string, string[]> = {
  没有: ['冇', '木有', '么有', '没得', '莫得', '冒得', '么得'],
  有没有: ['有冇'],
  不是: ['唔系', '唔係'],
  不: ['唔', '勿'],
  的: ['嘅'],
  在: ['喺'],
  他: ['佢'],
  他们: ['佢哋', '伊拉'],
  们: ['哋'],
  // Wuhan 么事/么样 arrive as 幺事/幺样: the traditional→simplified step reads a lone 么 as 幺.
  什么: ['乜嘢', '咩', '啥子', '啥', '乜', '嘛子', '么事', '么斯', '幺事', '幺斯'],
  怎么: ['点样', '咋个', '啷个', '哪能', '咋', '么样', '幺样'],
  // Protect the standard words that contain a dialect variant (怎么样 ⊃ 么样).
  怎么样: ['咋样'],
  什么样: ['啥样'],
  一下: ['一哈', '一哈子'],
  家里: ['屋头', '屋里头'],
  没人: ['莫人', '冇人', '没得人'],
  没人来: ['无人来'],
  怎么办: ['点算', '咋整', '咋办', '咋弄', '怎么整'],
  哪里: ['边度', '哪块', '哪哈', '哪旮旯', '啥地方', '什么地方'],
  什么时候: ['几时', '啥辰光', '啥时候', '嘛时候'],
  为什么: ['点解', '做乜', '为啥', '为嘛'],
  找: ['揾'],
  多少: ['几多'],
  跳下去: ['跳落去'],
  给: ['畀', '俾'],
  看: ['睇'],
  东西: ['嘢'],
  了: ['咗', '嘞', '喇'],
  来: ['嚟'],
  这么: ['咁'],
  这样: ['噉'],
  拿: ['攞'],
  这个: ['呢个', '这只'],
  那个: ['嗰个'],
  现在: ['而家', '宜家', '依家'],
  昨天: ['琴日', '寻日'],
  明天: ['听日'],
  今天: ['今日'],
  家: ['屋企', '屋头'],
  爸爸: ['老豆', '老窦'],
  警察: ['差佬', '阿sir'],
  着火: ['火烛', '起火了'],
  停车: ['泊车', '停放车辆'],
  开车: ['揸车'],
  下雨: ['落雨'],
  很吵: ['好嘈', '嘈喧巴闭', '贼吵', '老吵了', '吵得很', '闹挺'],
  吵: ['嘈'],
  发工资: ['出粮'],
  上班: ['返工'],
  请: ['唔该'],
  不用: ['唔使', '甭'],
  需不需要: ['使唔使'],
  可不可以: ['可唔可以', '可以唔可以'],
  是不是: ['系咪', '係咪', '是咪'],
  我: ['俺'],
  我们: ['俺们', '阿拉'],
  你: ['侬'],
  不要: ['覅', '唔好'],
  太: ['忒'],
  知道: ['晓得'],
  干什么: ['嘎哈', '干啥', '搞么子', '干嘛'],
  很: ['交关'],
};

/** Build one lookup table from the lists above: every variant and every canonical form. */
export function buildReplacementTable(): Map<string, string> {
  const table = new Map<string, string>();
  for (const group of [DIALECT, TYPOS]) {
    for (const [canonical, variants] of Object.entries(group)) {
      for (const v of variants) table.set(v.toLowerCase(), canonical);
    }
  }
  // Canonical forms map to themselves so a longer canonical shields a shorter variant inside it.
  for (const group of [DIALECT, TYPOS]) {
    for (const canonical of Object.keys(group)) if (!table.has(canonical)) table.set(canonical, canonical);
  }
  // Protected compounds: words that contain a variant but must stay as they are.
  for (const keep of PROTECTED) table.set(keep, keep);
  return table;
}

/** Real words that contain a variant above and must not be rewritten. */
const PROTECTED = [
  '执照费',
  '律师执照',
  '行医执照',
  '娃娃机',
  '咋呼',
  '勿忘',
  '供热公司',
  '热力公司',
  '公交卡',
  '公交车站',
  '公交站',
  '长者饭堂',
  '长者食堂',
];
