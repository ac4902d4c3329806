// Why: one reading per message. The text is normalized, stripped of look-alikes, repaired, tokenized, cut into
// n-grams, scanned for keywords, intent cues and framing cues once; every layer (danger rules, danger score, the
// not-live guard, the learned layers, retrieval) reads this object instead of re-running its own regexes.
import type { KeywordEvidence, KeywordMatcher } from './category-keywords.js';
import { readIntentSignals, type IntentSignals } from './intent.js';
import { readCues, type Cues } from './lexicon/framing.js';
import { stripBenign, stripEnglishBenign } from './lexicon/look-alikes.js';
import { distinctFeatures } from './ngram-features.js';
import { normalizeText } from './normalize.js';
import type { PinyinFixer } from './pinyin-fix.js';
import { tokenize } from './segment.js';

/** What the danger layers read of a message: its forms and its framing. */
export interface DangerReading {
  /** The message as typed (trimmed and capped by the engine). */
  raw: string;
  /** raw in lower case: the English framing cues read it. */
  rawLower: string;
  /** rawLower with English look-alikes blanked ("fire the staff"): the English danger rules read it. */
  english: string;
  /** normalizeText(raw). */
  base: string;
  /** base with titles and everyday look-alikes blanked (跳楼价, 吵死): the Chinese danger rules and signs read it. */
  stripped: string;
  /** Names of the framing cue sets that matched (lexicon/framing.ts): Chinese over `stripped`, English over `rawLower`. */
  cues: Cues;
}

/** Everything the engine reads of a message. */
export interface Reading extends DangerReading {
  /** base with pinyin and homophone repairs (社宝卡 → 社保卡): retrieval, keywords and intent read it. */
  norm: string;
  /** Distinct n-grams of `base` (the learned emergency layer). */
  baseFeatures: string[];
  /** Distinct n-grams of `norm` (the learned category and intent layers); the same array when nothing was repaired. */
  features: string[];
  tokens: string[];
  kw: KeywordEvidence;
  /** Strongest keyword evidence for any category. */
  kwMax: number;
  signals: IntentSignals;
}

/** The danger part of a reading, for callers without a keyword matcher or fixer (tests, scripts). */
export function readDanger(raw: string, base: string = normalizeText(raw)): DangerReading {
  const rawLower = raw.toLowerCase();
  const stripped = stripBenign(base);
  return { raw, rawLower, english: stripEnglishBenign(rawLower), base, stripped, cues: readCues(stripped, rawLower) };
}

export interface ReaderParts {
  keywords: KeywordMatcher;
  fixer: PinyinFixer;
}

/** The text read for retrieval only (earlier turns, the question a clarify answer refers to). */
export interface TopicReading {
  tokens: string[];
  signals: IntentSignals;
}

export interface Reader {
  /** The full reading of one message. */
  read(raw: string): Reading;
  /** Tokens and intent cues of another text of the conversation. */
  topic(raw: string): TopicReading;
}

export function createReader({ keywords, fixer }: ReaderParts): Reader {
  return {
    read(raw: string): Reading {
      const base = normalizeText(raw);
      const danger = readDanger(raw, base);
      const norm = fixer.fix(base);
      const kw = keywords.scan(norm);
      let kwMax = 0;
      for (const v of kw.scores.values()) kwMax = Math.max(kwMax, v);
      const baseFeatures = distinctFeatures(base);
      // Homophone fixes (rare) change the n-grams; otherwise the learned layers share one array.
      const features = norm === base ? baseFeatures : distinctFeatures(norm);
      return { ...danger, norm, baseFeatures, features, tokens: tokenize(norm), kw, kwMax, signals: readIntentSignals(norm) };
    },
    topic(raw: string): TopicReading {
      const norm = fixer.fix(normalizeText(raw));
      return { tokens: tokenize(norm), signals: readIntentSignals(norm) };
    },
  };
}
