// Why: keyword evidence per category (longest match over the normalized text) — the second opinion next to retrieval.
import { CATEGORIES, type CategoryId } from '@minhu/shared';
import { CATEGORY_KEYWORDS } from './lexicon/categories.js';
import { normalizeText } from './normalize.js';

export interface KeywordHit {
  word: string;
  categoryId: CategoryId;
  weight: number;
}

export interface KeywordEvidence {
  /** Sum of weights per category (each word counted once). */
  scores: Map<CategoryId, number>;
  hits: KeywordHit[];
}

export interface KeywordMatcher {
  scan(normalized: string): KeywordEvidence;
  /** Every keyword (normalized) with its highest weight, for the pinyin fixer. */
  words(): [string, number][];
}

export function createKeywordMatcher(): KeywordMatcher {
  const byWord = new Map<string, KeywordHit[]>();
  const add = (word: string, categoryId: CategoryId, weight: number): void => {
    const w = normalizeText(word);
    if (w.length === 0) return;
    const list = byWord.get(w) ?? [];
    const existing = list.find((h) => h.categoryId === categoryId);
    if (existing) existing.weight = Math.max(existing.weight, weight);
    else list.push({ word: w, categoryId, weight });
    byWord.set(w, list);
  };
  for (const k of CATEGORY_KEYWORDS) add(k.word, k.categoryId, k.weight);
  // The category's own name is evidence too (工商登记, 供暖 …).
  for (const c of CATEGORIES) add(c.name, c.id, 3);

  const maxLenByFirst = new Map<string, number>();
  for (const w of byWord.keys()) maxLenByFirst.set(w[0]!, Math.max(maxLenByFirst.get(w[0]!) ?? 0, w.length));

  return {
    words: () => [...byWord].map(([w, hits]) => [w, Math.max(...hits.map((h) => h.weight))] as [string, number]),
    scan(text: string): KeywordEvidence {
      const scores = new Map<CategoryId, number>();
      const hits: KeywordHit[] = [];
      const seen = new Set<string>();
      let i = 0;
      while (i < text.length) {
        const max = maxLenByFirst.get(text[i]!);
        let step = 1;
        if (max !== undefined) {
          for (let len = Math.min(max, text.length - i); len >= 1; len--) {
            const w = text.slice(i, i + len);
            const list = byWord.get(w);
            if (list === undefined) continue;
            // Latin keywords must stand alone (ktv, 12315), not inside another word.
            if (/[a-z0-9]/.test(w) && (/[a-z0-9]/.test(text[i - 1] ?? '') || /[a-z0-9]/.test(text[i + len] ?? ''))) continue;
            step = len;
            if (!seen.has(w)) {
              seen.add(w);
              for (const h of list) {
                hits.push(h);
                scores.set(h.categoryId, (scores.get(h.categoryId) ?? 0) + h.weight);
              }
            }
            break;
          }
        }
        i += step;
      }
      return { scores, hits };
    },
  };
}
