// Danger signs (blood, weapons, fire, water, falls, despair): words that, several together, say someone may be in
// danger. Read once per message (reading.ts): the danger score sums them as a floor under the learned layer, and
// the learned emergency layer reads which ones matched as features.
import type { EmergencyKind } from '../emergency-kinds.js';

export interface Sign {
  pattern: RegExp;
  weight: number;
  kind: EmergencyKind;
}

/** Danger signs over normalized text, each counted once. Exclusions keep everyday words out (血汗钱, 抢修, 吵死 …). */
export const SIGNS: Sign[] = [
  // bodies in trouble
  { pattern: /(?<![献验抽采])血(?!压|糖|脂|型|管|统|检|常规|缘|汗|本)/, weight: 2, kind: 'medical' },
  { pattern: /(磕破|摔破|撞破|割破|划破|伤口|大口子|口子很深|头破)/, weight: 2, kind: 'medical' },
  { pattern: /(骨折|变形了|断了(腿|胳膊|手))/, weight: 1.5, kind: 'medical' },
  { pattern: /(受伤|重伤|伤得|伤了|伤者|伤员)/, weight: 1.5, kind: 'medical' },
  { pattern: /(昏|晕(?!车|船|机)|不省人事|没知觉|没意识)/, weight: 2, kind: 'medical' },
  { pattern: /(喘|呼吸|透不过气|憋气|憋得)/, weight: 1.5, kind: 'medical' },
  { pattern: /(心脏|胸口|心口)/, weight: 1.5, kind: 'medical' },
  { pattern: /(喉咙|噎|卡住了)/, weight: 1.5, kind: 'medical' },
  { pattern: /(发白|发紫|发青|发黑|青了|紫了|没有血色)/, weight: 1.5, kind: 'medical' },
  { pattern: /(一直在抽|抽个不停|浑身抽|吐了|一直吐|吐个不停)/, weight: 1.5, kind: 'medical' },
  { pattern: /(站不起来|起不来|爬不起来|动不了|爬勿起来|起不到身|走不动了)/, weight: 2, kind: 'medical' },
  { pattern: /((药|农药)[^，。]{0,6}(吃了|喝了|吞了|准备好)|(吃|喝|吞)[^，。]{0,6}(一整|一把|一瓶|一板|好多|很多)[^，。]{0,4}(药|片))/, weight: 2.5, kind: 'medical' },
  { pattern: /(不应|不答应|没反应|叫不醒|没动静|不吭声)/, weight: 2, kind: 'medical' },
  { pattern: /(栽倒|摔倒|跌倒|绊倒|晕低|跌低|倒下|倒地|摔了一跤|跌了一跤|摔下)/, weight: 1.5, kind: 'medical' },
  { pattern: /(孕妇|羊水|要生了|抢救)/, weight: 1, kind: 'medical' },
  { pattern: /(吸了东西|嗑药|吸毒)/, weight: 1.5, kind: 'medical' },
  { pattern: /(哼哼|呻吟)/, weight: 1.5, kind: 'medical' },
  { pattern: /(摔了|跌了|摔倒了)/, weight: 1.5, kind: 'medical' },
  { pattern: /(栽|歪倒|瘫倒|软了|软倒|迷迷糊糊|意识模糊|翻白眼|两眼发直|叫不动|没知觉|人事不省)/, weight: 2, kind: 'medical' },
  { pattern: /(烫伤|烫到|烫了|烧伤|起泡|起了好多泡|皮都掉|皮掉了)/, weight: 2, kind: 'medical' },
  { pattern: /(高压电|电打|被电|(?<!停|来)电到|触电|电击)/, weight: 2, kind: 'medical' },
  { pattern: /(插座|插头|电线)/, weight: 1, kind: 'medical' },
  { pattern: /躺(?!平)/, weight: 1, kind: 'medical' },
  { pattern: /(口水(一直)?流|流口水|不听使唤|说话含糊|说不清)/, weight: 1.5, kind: 'medical' },
  { pattern: /(胸痛|胸口疼|胸口痛|心口疼)/, weight: 2, kind: 'medical' },
  { pattern: /(刮倒|撞倒|碾|轧|撞飞|撞了)/, weight: 2, kind: 'medical' },
  { pattern: /(跌亲|跌伤|摔伤|磕伤|撞伤|割伤|扎伤|咬伤|砸伤)/, weight: 2, kind: 'medical' },
  { pattern: /喝了[^，。]{0,6}(一斤|半斤|好多|很多|一瓶|几瓶)[^，。]{0,3}(酒|白酒)/, weight: 1.5, kind: 'medical' },
  { pattern: /(成身|全身|满身|浑身|一身|一大片|好多|止不住|不停|随时)/, weight: 0.5, kind: 'medical' },
  // fire and explosions
  {
    pattern: /(?<![发上恼窝肝心])火(?!车|锅|腿|柴|速|爆|候|化|葬|龙果|热|红|箭|星文|气|了吧)/,
    weight: 2,
    kind: 'fire',
  },
  { pattern: /(?<![油香吸抽戒禁])烟(?!花|草|酒|头|灰|民|台)/, weight: 1.5, kind: 'fire' },
  { pattern: /(爆炸|(?<![气火])炸了|爆了(?!管)|(?<!水管)爆开)/, weight: 1.5, kind: 'fire' },
  { pattern: /(报警器[^，。]{0,4}响|警报)/, weight: 1.5, kind: 'fire' },
  { pattern: /(?<![睡找看等摸买借用想见接])着了/, weight: 1, kind: 'fire' },
  { pattern: /(焦味|糊味|烧焦|塑料味|橡胶味)/, weight: 1.5, kind: 'fire' },
  { pattern: /(自燃|燃烧|燃起|引燃|烧得|烧了起来|烧穿|烧毁|烧着)/, weight: 2.5, kind: 'fire' },
  { pattern: /(短路|电火花|跳火|(?<!打)火花)/, weight: 1.5, kind: 'fire' },
  { pattern: /(轰隆|轰的一声|巨响|爆响|砰的一声)/, weight: 1.5, kind: 'fire' },
  // violence and crime
  // A weapon named is a sign; a weapon used is a strong one (a kitchen knife in a recipe question is neither).
  { pattern: /(刀|(?<!充电|水)枪(?!战|手)|棍|斧头)/, weight: 1.5, kind: 'violence' },
  { pattern: /(砍|劈(?!柴)|捅|(?<![抹])杀(?!价|毒|菌|虫)|弄死|打死(?!也|都))/, weight: 2.5, kind: 'violence' },
  { pattern: /抢(?!购|号|票|学位|红包|修|救|险|答|先|占|手|眼|镜|单|到)/, weight: 2, kind: 'crime' },
  { pattern: /(撬|(?<!小)偷(?!懒|税|排|倒|工减料|拍|电|水)|小偷|入室)/, weight: 1.5, kind: 'crime' },
  { pattern: /(跟踪|尾随|绑架|绑走|劫持|拐)/, weight: 2, kind: 'crime' },
  { pattern: /(打(我|人|她|他|孩子|老婆|老公|起来)|殴打|踹|扇(我|她|他)|掐)/, weight: 2, kind: 'violence' },
  { pattern: /(威胁|恐吓|不让(我)?(走|出去|出门))/, weight: 1, kind: 'violence' },
  { pattern: /(斩(?!钉)|揍|殴|(?<!讽|冲)刺(?!激|绣|耳|眼))/, weight: 2, kind: 'violence' },
  { pattern: /(拉走|拖走|抱走|带走|拽走|拐走|抢走)/, weight: 2, kind: 'crime' },
  { pattern: /陌生(男|女)?人/, weight: 1, kind: 'crime' },
  { pattern: /(见东西就砸|乱砸|打砸|砸店|砸东西|砸人|砸车)/, weight: 2.5, kind: 'violence' },
  { pattern: /(砖头|酒瓶|钢管|铁棍|棍子|铁锹)/, weight: 1.5, kind: 'violence' },
  { pattern: /(就跑|逃跑|逃了)/, weight: 0.5, kind: 'crime' },
  // despair
  {
    pattern: /(?<![吵热累冻气急烦笑饿困忙闷丑臭吓痒疼痛怕渴馋挤堵晒])死(?!机|活|亡证明|者家属|刑|角|板|胡同|心眼|记硬背|亡赔偿|缓|忠|党|扛|磕)/,
    weight: 1.5,
    kind: 'suicide',
  },
  { pattern: /(撑不下去|熬不下去|撑不住|没意思|解脱|对不起(大家|你们|家人|爸妈|所有人)|封信|遗书|遗言|告别|永别|最后一面|后事)/, weight: 2, kind: 'suicide' },
  { pattern: /(?<!心|砰|怦|扑通|蹦|眼皮)跳(?!舞|绳|槽|广场|过|闸|票|出来|动|蚤|水|个不停)/, weight: 1.5, kind: 'suicide' },
  { pattern: /(桥上|栏杆|楼顶|天台|窗外|窗台|阳台外|楼边|江边|河边|码头|水库)/, weight: 1, kind: 'suicide' },
  // water
  { pattern: /(落水|溺|沉下|往下沉|淹(?!没了?我的)|冲走|冲进|掉进|掉河|漂在)/, weight: 2, kind: 'drowning' },
  { pattern: /(河|江|湖|海|水库|池塘|水里|洪水)/, weight: 0.5, kind: 'drowning' },
  { pattern: /(粪坑|粪池|化粪池|井里|坑里|冰面|冰裂|冰窟窿|下水道里)/, weight: 1.5, kind: 'drowning' },
  { pattern: /(掉到|掉下去|掉水|卷走|漂走|被冲|冲了|冲垮|山洪)/, weight: 2, kind: 'drowning' },
  { pattern: /(走不了|走不出|出不来|出不去|困住|被困|下不来)/, weight: 1.5, kind: 'trapped' },
  // structures
  { pattern: /(塌|垮|坍|下坠|坠落|掉下来|落石|滚石|砸中|砸到|砸在|压住|埋)/, weight: 2, kind: 'collapse' },
  { pattern: /(歪了|倾斜|随时要倒|要塌|快塌|摇摇欲坠|随时会倒|要倒了)/, weight: 1.5, kind: 'collapse' },
  { pattern: /(下面|里面|底下|旁边|楼上)[^，。]{0,3}(还)?有(人|小孩|孩子|老人)/, weight: 1.5, kind: 'trapped' },
  { pattern: /(没上来|上不来|没出来)/, weight: 1.5, kind: 'trapped' },
];

/** Indexes into SIGNS of the signs that match stripped text (DangerReading.stripped), each once. */
export function readSigns(stripped: string): number[] {
  const out: number[] = [];
  for (const [i, s] of SIGNS.entries()) if (s.pattern.test(stripped)) out.push(i);
  return out;
}
