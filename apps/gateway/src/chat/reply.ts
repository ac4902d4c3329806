// Why: every user-facing sentence of the bot lives here, in Simplified Chinese, so wording is reviewed in one place.
import { CATEGORIES, HOTLINE_PHONE, TICKET_KIND_LABELS, findCategory, type CategoryId } from '@minhu/shared';
import type { EmergencyKind, EmergencyMatch, EmergencyNumber } from './emergency-kinds.js';
import type { DraftKind } from './intent.js';
import type { KbEntry } from './kb.js';

const NUMBER_LABELS: Record<EmergencyNumber, string> = {
  '110': '110（报警）',
  '119': '119（火警、抢险救援）',
  '120': '120（医疗急救）',
  '122': '122（交通事故报警）',
};

const SAFETY_TIPS: Partial<Record<EmergencyKind, string>> = {
  fire: '请立即离开危险区域，不要乘坐电梯。',
  gas: '不要开关电器、不要点火，开窗通风后立即离开。',
  medical: '保持电话畅通，按急救人员的指导处置。',
  violence: '请先确保自身安全，尽量躲到安全的地方。',
  crime: '请先确保自身安全，不要与对方正面冲突。',
  trapped: '保持冷静，不要强行扒门或攀爬。',
  drowning: '不会游泳请不要下水施救，可抛救生圈、绳索或长杆。',
  collapse: '请远离危险区域，不要贸然进入施救。',
  suicide: '请不要让当事人独处，你并不孤单，马上就会有人来帮忙。',
  crash: '请开启危险报警闪光灯、设置警示标志，伤员不要随意挪动。',
  missing: '请尽快报警并提供走失者的照片和最后出现的位置。',
  hazard: '请远离危险区域并提醒周围的人。',
};

export function emergencyText(match: EmergencyMatch): string {
  const numbers = match.numbers.map((n) => NUMBER_LABELS[n]).join('、');
  const tip = match.kinds.map((k) => SAFETY_TIPS[k]).find((t) => t !== undefined) ?? '';
  return `情况紧急！请立即拨打 ${numbers}。${tip}民呼不能派出救援，请不要在这里等待回复。`;
}

const CATEGORY_LIST = CATEGORIES.map((c) => c.name).join('、');

export function outOfScopeText(greeting: boolean): string {
  const intro = greeting ? '您好，我是民呼智能客服。' : '抱歉，这个问题不在民呼的服务范围内，我没法回答。';
  return `${intro}我可以解答这 18 类常见问题：${CATEGORY_LIST}；也可以帮您提交投诉、求助、举报、建议或表扬，转交 12345 热线办理。`;
}

/** An FAQ answer with the city's own details appended: the one format for chat replies and browsing. */
export function answerWithLocalDetails(entry: Pick<KbEntry, 'answer' | 'localValue'>): string {
  const local = entry.localValue?.trim();
  return local ? `${entry.answer}\n\n本地办理信息：${local}` : entry.answer;
}

export const consultText = (entry: KbEntry): string => answerWithLocalDetails(entry);

export function complaintText(kind: DraftKind, categoryId: CategoryId | null): string {
  const label = TICKET_KIND_LABELS[kind];
  const category = categoryId ? findCategory(categoryId)?.name : undefined;
  const where = category ? `（${category}）` : '';
  const lead =
    kind === 'praise'
      ? '感谢您的肯定！'
      : kind === 'suggestion'
        ? '谢谢您的建议！'
        : '您反映的问题需要有关部门处理。';
  const pick = category ? '' : '请选择问题分类，';
  return `${lead}我已根据您说的内容预填了一份${label}单${where}，${pick}核对后提交即可，我们会转交 12345 热线办理，并在办理后回访您。如有人身危险，请立即拨打 110。`;
}

export function clarifyText(categoryIds: CategoryId[]): string {
  const options = categoryIds.map((c, i) => `${i + 1}.「${findCategory(c)?.name ?? c}」`).join(' ');
  return `您问的是哪一类问题？${options}。请点选下面的问题，或直接回复“第一个”“第二个”。`;
}

export function browseText(categoryId: CategoryId): string {
  return `关于「${findCategory(categoryId)?.name ?? categoryId}」，没有找到和您的问题完全对应的答案，您可能想了解下面这些问题；也可以换个说法再问，或提交咨询单由 12345 热线答复。`;
}

/** A question about a public matter none of our categories covers: a person answers it (the app offers one under it). */
export function publicQuestionText(): string {
  return `这个问题我这里还没有现成的答案。您可以留言，由 ${HOTLINE_PHONE} 工作人员在 1 个工作日内答复您；也可以直接拨打 ${HOTLINE_PHONE} 热线咨询。`;
}

/** After two unhelpful turns in a row: a person can help (the app shows 拨打12345 and 留言给人工 under it). */
export function handoffText(): string {
  return `抱歉，连续几次都没能帮到您。您可以拨打 ${HOTLINE_PHONE} 热线直接找人工，也可以留言给人工，工作人员会在 1 个工作日内答复您。`;
}
