// Why: Chinese has no spaces; one shared jieba instance (with the domain vocabulary) turns normalized text into index/query tokens.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { CATEGORY_KEYWORDS } from './lexicon/categories.js';
import { TYPOS } from './lexicon/replacements.js';
import { ENGLISH } from './lexicon/english.js';
import { STOPWORDS } from './lexicon/stopwords.js';

let jieba: Jieba | null = null;

/** The domain words jieba must keep whole (社保卡, 公积金, 广场舞 …). */
export function domainWords(): string[] {
  const words = new Set<string>();
  for (const k of CATEGORY_KEYWORDS) if (/^[\u4e00-\u9fff]{2,}$/.test(k.word)) words.add(k.word);
  for (const canonical of Object.keys(TYPOS)) if (canonical.length >= 2) words.add(canonical);
  for (const zh of Object.keys(ENGLISH)) if (/^[\u4e00-\u9fff]{2,}$/.test(zh)) words.add(zh);
  return [...words];
}

/** The process-wide jieba, loaded once (~150 ms) with the domain words added. */
export function getJieba(): Jieba {
  if (jieba === null) {
    const j = Jieba.withDict(dict);
    const extra = domainWords()
      .map((w) => `${w} 50000 n`)
      .join('\n');
    j.loadDict(new TextEncoder().encode(extra));
    jieba = j;
  }
  return jieba;
}

const KEEP_TOKEN = /[\u4e00-\u9fffa-z0-9]/;

/** Content tokens of normalized text: jieba search-mode words, stopwords and punctuation dropped. */
export function tokenize(normalized: string): string[] {
  if (normalized.length === 0) return [];
  const out: string[] = [];
  for (const raw of getJieba().cutForSearch(normalized, false)) {
    const t = raw.trim();
    if (t.length === 0 || STOPWORDS.has(t) || !KEEP_TOKEN.test(t)) continue;
    out.push(t);
  }
  return out;
}

/** Split by the index's own tokenizer: tokens are pre-computed and joined with spaces. */
export function splitTokens(joined: string): string[] {
  return joined.length === 0 ? [] : joined.split(' ');
}
