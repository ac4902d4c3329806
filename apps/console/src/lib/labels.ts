// Display names of shared ids (categories, departments, percentages): the names themselves come
// from @minhu/shared; this only says what to show for "none".
import { findCategory } from '@minhu/shared';

export const categoryName = (id: string | null | undefined) => (id ? (findCategory(id)?.name ?? id) : '未分类');
export const departmentName = (d: string | null | undefined) => d ?? '未派单';
export const streetName = (s: string | null | undefined) => s ?? '未填写';
export const percent = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);
/** A model probability (0–1) as the console shows it: 0.823 → "82%". */
export const scorePercent = (score: number) => `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;
/**
 * The suggestions worth showing: a department the model gives under 0.5 % (shown as 0 %) is no
 * suggestion — e.g. a city department the shipped training data never names.
 */
export const shownSuggestions = <T extends { score: number }>(list: readonly T[]): T[] => list.filter((s) => s.score >= 0.005);
export const hours = (h: number | null | undefined) => (h === null || h === undefined ? '—' : `${h} 小时`);

/** What the chat engine understood, as an editor reads it. */
export const INTENT_LABELS: Record<string, string> = {
  consult: '咨询（知识库作答）',
  complaint: '诉求（引导立单）',
  emergency: '紧急情况（提示拨打 110/119/120/122）',
  out_of_scope: '超出服务范围',
  clarify: '需要澄清',
};
