// Why: some words belong to several categories (密码, 转移, 上户口, 津贴 …); when they are all a short question has, the bot should ask rather than guess.
import type { CategoryId } from '@minhu/shared';

export interface AmbiguousTerm {
  /** Matched on normalized text. */
  pattern: RegExp;
  /** The readings, most common first. */
  categories: CategoryId[];
}

export const AMBIGUOUS_TERMS: AmbiguousTerm[] = [
  { pattern: /(上户口|报户口|落户|上户)/, categories: ['newborn', 'household-id'] },
  { pattern: /密码/, categories: ['citizen-card', 'housing-fund'] },
  { pattern: /(转移|转出|转入|转回|转过来|转过去|迁过来|接续)/, categories: ['social-insurance', 'housing-fund'] },
  { pattern: /补缴/, categories: ['social-insurance', 'housing-fund'] },
  { pattern: /津贴/, categories: ['newborn', 'elderly-care'] },
  { pattern: /(卡.{0,3}(丢|掉|不见|找不到|被偷)了?|(丢|掉)了?.{0,3}卡|补卡)/, categories: ['citizen-card', 'household-id'] },
  { pattern: /(证.{0,3}(丢|掉|不见|找不到|被偷)了?|(丢|掉)了?.{0,3}证|补证)/, categories: ['real-estate', 'household-id'] },
  { pattern: /(被水淹|水淹|淹了|被淹|泡水|水泡|进水)/, categories: ['flood', 'natural-disaster'] },
  { pattern: /(欠钱|欠款|不给钱|不还钱|不退钱|钱要不回)/, categories: ['wage-arrears', 'consumer-rights'] },
  { pattern: /(年检|年审)/, categories: ['business-registration', 'traffic-parking'] },
  { pattern: /(过户)/, categories: ['real-estate', 'traffic-parking'] },
  { pattern: /(注销)/, categories: ['business-registration', 'household-id'] },
];
