// Why: citizens type homophone typos (公基金, 社宝卡, 抬风) and raw pinyin (gongjijin); matching by sound maps them back to known domain terms.
import { pinyin } from 'pinyin-pro';
import { getJieba } from './segment.js';

/** Southern accents and IMEs blur these sounds; comparing on a folded form catches more typos. */
function fold(syllable: string): string {
  return syllable
    .replace(/^zh/, 'z')
    .replace(/^ch/, 'c')
    .replace(/^sh/, 's')
    .replace(/^l/, 'n')
    .replace(/ng$/, 'n')
    .replace(/ü|v/g, 'u');
}

/**
 * Per-character reading (default pronunciation), computed once per character and cached: the hot path
 * never calls pinyin-pro. Terms and queries use the same per-character readings, so polyphones stay consistent.
 */
const readingCache = new Map<string, string>();
function reading(ch: string): string {
  let r = readingCache.get(ch);
  if (r === undefined) {
    r = pinyin(ch, { toneType: 'none' });
    readingCache.set(ch, r);
  }
  return r;
}

export interface PinyinFixer {
  /** Replace windows of the text that sound like a known term but are not one. */
  fix(normalized: string): string;
}

const CJK_RUN = /[\u4e00-\u9fff]{2,}/g;
/** Characters that are never part of a typo'd term: a window holding one is ordinary grammar (跑了 ≠ 泡了). */
const FUNCTION_CHARS = /[了的吗呢吧啊呀么着过得地和与或是在有我你他她它这那个就都也还又很太把被给让从对向什怎哪谁几多少每]/;

/**
 * Build from the domain vocabulary: term → weight (category keywords, canonical forms).
 * Two-character terms are only corrected when decisive (weight ≥ 3): short windows sound alike too easily.
 */
export function createPinyinFixer(terms: Iterable<[string, number]>): PinyinFixer {
  const bySound = new Map<string, string>();
  const byLatin = new Map<string, string>();
  const known = new Set<string>();
  const weightOf = new Map<string, number>();
  for (const [term, weight] of terms) weightOf.set(term, Math.max(weightOf.get(term) ?? 0, weight));
  for (const term of weightOf.keys()) {
    if (!/^[\u4e00-\u9fff]{2,5}$/.test(term)) continue;
    known.add(term);
    const syl = [...term].map(reading);
    const key = syl.map(fold).join(' ');
    if (!bySound.has(key)) bySound.set(key, term);
    const latin = syl.join('');
    if (latin.length >= 5 && !byLatin.has(latin)) byLatin.set(latin, term);
  }
  const jieba = getJieba();
  /** A 2-character window that jieba knows as a word is a real word, not a typo (事业 ≠ 失业). */
  const isDictionaryWord = (w: string): boolean => jieba.cut(w, false).length === 1;

  function fixRun(run: string): string {
    const syl = [...run].map((ch) => fold(reading(ch)));
    let out = '';
    let i = 0;
    while (i < run.length) {
      let replaced = false;
      for (let len = Math.min(5, run.length - i); len >= 2; len--) {
        const window = run.slice(i, i + len);
        if (known.has(window)) {
          out += window;
          i += len;
          replaced = true;
          break;
        }
        const term = bySound.get(syl.slice(i, i + len).join(' '));
        if (term === undefined) continue;
        let shared = 0;
        for (let k = 0; k < len; k++) if (window[k] === term[k]) shared++;
        if (shared === 0) continue;
        if (FUNCTION_CHARS.test(window)) continue;
        if (len === 2 && ((weightOf.get(term) ?? 0) < 3 || isDictionaryWord(window))) continue;
        out += term;
        i += len;
        replaced = true;
        break;
      }
      if (!replaced) {
        out += run[i];
        i++;
      }
    }
    return out;
  }

  return {
    fix(normalized: string): string {
      let t = normalized.replace(CJK_RUN, fixRun);
      if (/[a-z]{5,}/.test(t)) t = t.replace(/[a-z]{5,}/g, (w) => byLatin.get(w) ?? w);
      return t;
    },
  };
}
