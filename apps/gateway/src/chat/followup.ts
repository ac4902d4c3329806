// Why: conversations continue — "那需要带什么材料？" after a hukou question, "第二个" or "社保卡" after a clarify question.
import type { CategoryId } from '@minhu/shared';
import type { PendingClarify } from './context.js';

const ORDINALS: { pattern: RegExp; index: number }[] = [
  { pattern: /(第一|第1|头一个|前者|前面那个|上面那个|first|^1$|^1[.、]|^一$)/, index: 0 },
  { pattern: /(第二|第2|后者|后面那个|下面那个|second|^2$|^2[.、]|^二$)/, index: 1 },
  { pattern: /(第三|第3|third|^3$|^三$)/, index: 2 },
  { pattern: /(第四|第4|fourth|^4$|^四$)/, index: 3 },
];

/** Which pending option the citizen chose, by ordinal or by naming it; null if the message is something else. */
export function resolveClarifyChoice(
  raw: string,
  pending: PendingClarify,
  keywordScores: Map<CategoryId, number>,
): number | null {
  const t = raw.trim().toLowerCase();
  for (const { pattern, index } of ORDINALS) {
    if (index < pending.options.length && pattern.test(t)) return index;
  }
  let best = -1;
  let bestScore = 0;
  let tie = false;
  pending.options.forEach((o, i) => {
    const s = keywordScores.get(o.categoryId) ?? 0;
    if (s > bestScore) {
      best = i;
      bestScore = s;
      tie = false;
    } else if (s === bestScore && s > 0) tie = true;
  });
  return best >= 0 && !tie ? best : null;
}

/** Openers and bare procedural questions that only make sense after a previous question. */
const FOLLOW_UP =
  /^(那|那么|那要|那需要|那如果|那我|还有|另外|还要|还需要|再问|再请问|如果|要是|and|what about|also|then)|^(需要|要)?(带|准备)?什么(材料|手续|证件|东西)|^(多久|多长时间|几天|在哪|哪里办|去哪|费用|多少钱|要钱吗|收费吗|流程|条件|怎么办理|网上能办|能网上办|可以网上|手机上|本人|代办|可以代)|(这个|那个|它)(怎么|要|需要|能|可以|在哪|多久)/;

export function looksLikeFollowUp(normalized: string, tokenCount: number): boolean {
  const t = normalized.replace(/^(请问|你好|您好|嗯|哦|好的)[,，\s]*/, '');
  if (FOLLOW_UP.test(t)) return true;
  // Very short questions with no topic of their own ("要带啥？", "多久能办好").
  return tokenCount <= 3 && t.length <= 12;
}
