// Why: every later step (emergency rules, keywords, index) must see one normalized form of what the citizen typed.
import { ENGLISH, ENGLISH_STOPWORDS } from './lexicon/english.js';
import { buildReplacementTable } from './lexicon/replacements.js';
import { toSimplified } from './lexicon/traditional.js';

const table = buildReplacementTable();
/** Longest key length per first character, to bound the longest-match scan. */
const maxLenByFirst = new Map<string, number>();
for (const key of table.keys()) {
  const first = key[0]!;
  maxLenByFirst.set(first, Math.max(maxLenByFirst.get(first) ?? 0, key.length));
}

/** English phrases, longest first, as word-sequence → Chinese. */
const englishPhrases = new Map<string, string>();
let maxEnglishWords = 1;
/**
 * The same phrases without their stopwords, when two or more content words remain ("register a business" →
 * "register business"), so "register my business" and non-native "register business" find them too.
 */
const contentPhrases = new Map<string, string>();
let maxContentWords = 2;
for (const [zh, phrases] of Object.entries(ENGLISH)) {
  for (const p of phrases) {
    const key = p.toLowerCase().trim().split(/\s+/).join(' ');
    if (!englishPhrases.has(key)) englishPhrases.set(key, zh);
    maxEnglishWords = Math.max(maxEnglishWords, key.split(' ').length);
  }
}
for (const [zh, phrases] of Object.entries(ENGLISH)) {
  for (const p of phrases) {
    const content = p.toLowerCase().trim().split(/\s+/).filter((w) => !ENGLISH_STOPWORDS.has(w));
    const key = content.join(' ');
    if (content.length < 2 || englishPhrases.has(key) || contentPhrases.has(key)) continue;
    contentPhrases.set(key, zh);
    maxContentWords = Math.max(maxContentWords, content.length);
  }
}

/** Look a single word up as written, then by its likely base forms (transferring → transfer, applied → apply). */
function lookupWord(word: string): string | undefined {
  const direct = englishPhrases.get(word);
  if (direct !== undefined) return direct;
  for (const base of baseForms(word)) {
    const zh = englishPhrases.get(base);
    if (zh !== undefined) return zh;
  }
  return undefined;
}

/** Replace variants by their canonical form, longest match first (copies untouched stretches in slices). */
export function applyReplacements(text: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const max = maxLenByFirst.get(text[i]!);
    if (max !== undefined) {
      let matched = 0;
      let value = '';
      for (let len = Math.min(max, text.length - i); len >= 1; len--) {
        const hit = table.get(text.slice(i, i + len));
        if (hit !== undefined) {
          matched = len;
          value = hit;
          break;
        }
      }
      if (matched > 0) {
        if (value !== text.slice(i, i + matched)) {
          out += text.slice(copied, i) + value;
          copied = i + matched;
        }
        i += matched;
        continue;
      }
    }
    i++;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Translate runs of English words into the KB's Chinese terms; unknown words are kept, stopwords dropped. */
export function translateEnglish(text: string): string {
  return text.replace(/[a-z][a-z0-9'’\- ]*[a-z0-9]|[a-z]/g, (run) => {
    const words = run.replace(/’/g, "'").replace(/'s\b/g, '').split(/\s+/).filter(Boolean);
    const out: string[] = [];
    let i = 0;
    while (i < words.length) {
      let done = false;
      // Longest first: a phrase as written, then a phrase with stopwords skipped, then the single word.
      for (let n = Math.min(maxEnglishWords, words.length - i); n >= 2 && !done; n--) {
        const zh = englishPhrases.get(words.slice(i, i + n).join(' '));
        if (zh !== undefined) {
          out.push(zh);
          i += n;
          done = true;
        }
      }
      if (!done && !ENGLISH_STOPWORDS.has(words[i]!)) {
        // Positions of the next content words.
        const at: number[] = [];
        for (let j = i; j < words.length && at.length < maxContentWords; j++) if (!ENGLISH_STOPWORDS.has(words[j]!)) at.push(j);
        for (let n = at.length; n >= 2 && !done; n--) {
          const content = at.slice(0, n).map((j) => words[j]!);
          const base = baseForms(content[n - 1]!)[0];
          const zh = contentPhrases.get(content.join(' ')) ?? (base ? contentPhrases.get([...content.slice(0, -1), base].join(' ')) : undefined);
          if (zh !== undefined) {
            out.push(zh);
            i = at[n - 1]! + 1;
            done = true;
          }
        }
      }
      if (!done) {
        const zh = lookupWord(words[i]!);
        if (zh !== undefined) {
          out.push(zh);
          i++;
          done = true;
        }
      }
      if (!done) {
        const w = words[i]!;
        if (!ENGLISH_STOPWORDS.has(w)) out.push(w);
        i++;
      }
    }
    // Adjacent Chinese terms read as one phrase ("怎么" + "申请" → "怎么申请"), as a Chinese speaker would write it.
    let joined = '';
    for (const w of out) {
      const cjk = /^[\u4e00-\u9fff]/.test(w);
      joined += joined.length > 0 && !(cjk && /[\u4e00-\u9fff]$/.test(joined)) ? ` ${w}` : w;
    }
    return ` ${joined} `;
  });
}

/** Likely base forms of an inflected word, most likely first: plurals, -ing and -ed (with e restored or a doubled consonant undone). */
function baseForms(word: string): string[] {
  const out: string[] = [];
  if (word.endsWith('ies') && word.length > 4) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es') && word.length > 4) out.push(word.slice(0, -2));
  if (word.endsWith('s') && word.length > 3) out.push(word.slice(0, -1));
  for (const suffix of ['ing', 'ed']) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 2) continue;
    const root = word.slice(0, -suffix.length);
    out.push(root, `${root}e`);
    if (/([b-df-hj-np-tv-z])\1$/.test(root)) out.push(root.slice(0, -1));
    if (suffix === 'ed' && root.endsWith('i')) out.push(`${root.slice(0, -1)}y`);
  }
  return out;
}

/**
 * Full-width → half-width, lower case, traditional → simplified, English → Chinese terms,
 * typos/synonyms/dialect → canonical, whitespace squeezed.
 */
export function normalizeText(raw: string): string {
  let t = raw.normalize('NFKC').toLowerCase();
  t = toSimplified(t);
  if (/[a-z]/.test(t)) t = translateEnglish(t);
  t = applyReplacements(t);
  return t.replace(/\s+/g, ' ').trim();
}
