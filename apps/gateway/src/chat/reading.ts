// Why: one reading per message. The text is normalized, stripped of look-alikes, repaired, tokenized, cut into
// n-grams, scanned for keywords, intent cues and framing cues once; every layer (danger rules, danger score, the
// not-live guard, the learned layers, retrieval) reads this object instead of re-running its own regexes.
// The learned layers read the cue hits as features next to the n-grams (learnedFeatures), so how much "已经一个月了",
// "去年" or "请派人处理" counts is learned from the labelled examples with everything else, not added by hand.
import type { KeywordEvidence, KeywordMatcher } from './category-keywords.js';
import { readIntentSignals, type IntentSignals } from './intent.js';
import { readSigns } from './lexicon/danger-signs.js';
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
  /** The danger signs that matched `stripped` (indexes into lexicon/danger-signs.ts SIGNS). */
  signs: number[];
}

/** Everything the engine reads of a message. */
export interface Reading extends DangerReading {
  /** base with pinyin and homophone repairs (社宝卡 → 社保卡): retrieval, keywords and intent read it. */
  norm: string;
  /** Distinct n-grams of `base`. */
  baseFeatures: string[];
  /** `baseFeatures` plus the cue hits (cueFeatures): what the learned emergency layer reads. */
  dangerFeatures: string[];
  /** Distinct n-grams of `norm` (the learned category layer); the same array when nothing was repaired. */
  features: string[];
  /** `features` plus the cue hits (cueFeatures): what the learned intent layer reads. */
  learnedFeatures: string[];
  tokens: string[];
  kw: KeywordEvidence;
  /** Strongest keyword evidence for any category. */
  kwMax: number;
  signals: IntentSignals;
}

const BALANCE_STEPS = [0.5, 1.5, 3, 4.5];

/** Cue features start with '#' (n-gram features start with 'c' or 'w', ngram-features.ts): the framing sets and intent cues that matched. */
export function cueFeatures(cues: Cues, signals: IntentSignals): string[] {
  const out: string[] = [];
  for (const name of cues) out.push(`#${name}`);
  for (const hit of signals.hits) out.push(`#${hit}`);
  // How the act and ask cues balance, in steps: a model that sees only single cues rarely sees two together.
  const balance = signals.complaint - signals.question;
  for (const step of BALANCE_STEPS) if (balance >= step) out.push(`#act-ask>=${step}`);
  for (const step of BALANCE_STEPS) if (-balance >= step) out.push(`#ask-act>=${step}`);
  return out;
}

/** What the learned intent layer reads of a labelled text: read as a message is (n-grams and cue hits), without the repairs. */
export function learnedFeaturesOfText(text: string): string[] {
  const base = normalizeText(text);
  return [...distinctFeatures(base), ...cueFeatures(readDanger(text, base).cues, readIntentSignals(base))];
}

/** The danger part of a reading, for callers without a keyword matcher or fixer (tests, scripts). */
export function readDanger(raw: string, base: string = normalizeText(raw)): DangerReading {
  const rawLower = raw.toLowerCase();
  const stripped = stripBenign(base);
  return { raw, rawLower, english: stripEnglishBenign(rawLower), base, stripped, cues: readCues(stripped, rawLower), signs: readSigns(stripped) };
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
      const signals = readIntentSignals(norm);
      const cueHits = cueFeatures(danger.cues, signals);
      const learnedFeatures = [...features, ...cueHits];
      const dangerFeatures = features === baseFeatures ? learnedFeatures : [...baseFeatures, ...cueHits];
      return { ...danger, norm, baseFeatures, dangerFeatures, features, learnedFeatures, tokens: tokenize(norm), kw, kwMax, signals };
    },
    topic(raw: string): TopicReading {
      const norm = fixer.fix(normalizeText(raw));
      return { tokens: tokenize(norm), signals: readIntentSignals(norm) };
    },
  };
}
