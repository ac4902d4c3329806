// Why: the category decision combines retrieval (best FAQ score per category) with keyword evidence, so neither a stray FAQ word nor a lone keyword decides alone.
import type { CategoryId } from '@minhu/shared';
import type { KeywordEvidence } from './category-keywords.js';
import type { Hit } from './index-build.js';

export interface CategoryScore {
  categoryId: CategoryId;
  /** Combined score (retrieval share + keyword share). */
  score: number;
  /** Best FAQ score in this category relative to the best overall (0–1). */
  retrieval: number;
  /** Keyword evidence (sum of weights). */
  keyword: number;
  /** The learned model's probability for this category (0–1). */
  learned: number;
  /** Best hit in this category, if any. */
  best: Hit | undefined;
}

/** Keyword evidence saturates: three strong words are as good as it gets. */
const KEYWORD_CAP = 7;
const KEYWORD_WEIGHT = 1.8;
/** The learned model's vote: a sure reading (p≈1) counts about as much as the best FAQ match. */
const LEARNED_WEIGHT = 1;

export function rankCategories(hits: Hit[], kw: KeywordEvidence, learned: Map<CategoryId, number> = new Map()): CategoryScore[] {
  const top = hits[0]?.score ?? 0;
  const byCat = new Map<CategoryId, CategoryScore>();
  const get = (c: CategoryId): CategoryScore => {
    let s = byCat.get(c);
    if (!s) {
      s = { categoryId: c, score: 0, retrieval: 0, keyword: 0, learned: 0, best: undefined };
      byCat.set(c, s);
    }
    return s;
  };
  for (const h of hits) {
    const s = get(h.entry.categoryId);
    if (s.best === undefined) {
      s.best = h;
      s.retrieval = top > 0 ? h.score / top : 0;
    }
  }
  let kwMax = 0;
  for (const v of kw.scores.values()) kwMax = Math.max(kwMax, v);
  for (const [c, v] of kw.scores) get(c).keyword = v;
  // Only a confident reading joins the ranking; a flat distribution says nothing.
  for (const [c, p] of learned) if (p >= 0.2) get(c).learned = p;
  const kwNorm = Math.max(kwMax, 3);
  for (const s of byCat.values()) {
    s.score = s.retrieval + KEYWORD_WEIGHT * (Math.min(s.keyword, KEYWORD_CAP) / Math.min(kwNorm, KEYWORD_CAP)) + LEARNED_WEIGHT * s.learned;
  }
  return [...byCat.values()].sort((a, b) => b.score - a.score);
}
