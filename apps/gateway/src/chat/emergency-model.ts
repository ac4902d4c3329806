// Why: hand-written danger rules miss phrasings nobody wrote a rule for. A second, independent layer —
// a naive Bayes classifier over character 1–3-grams (Chinese) and word 1–2-grams (English), trained on the
// project's own labelled examples — catches many of those. Either layer flags an emergency: recall wins.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KbEntry } from './kb.js';
import { normalizeText } from './normalize.js';

export interface LabelledExample {
  text: string;
  emergency: boolean;
}

export interface EmergencyModel {
  /** Log-odds that the text reports a live emergency. */
  score(text: string): number;
  /** score(text) above the decision threshold. */
  flags(text: string): boolean;
  /** flags() for text already passed through normalizeText (saves normalizing twice). */
  flagsNormalized(normalized: string): boolean;
}

/**
 * Decision threshold on the log-odds. Low on purpose (recall first), but above the prior (about -1.7 with
 * today's data), so a text the model knows nothing about ("Tell me a joke") is never flagged. Checked on
 * sets the model never trained on: tests/chat/devset.jsonl and tests/chat/blind.jsonl.
 */
export const EMERGENCY_MODEL_THRESHOLD = -1;

export const TRAINING_DIR = join(dirname(fileURLToPath(import.meta.url)), 'training');

export function features(text: string): string[] {
  const out = new Set<string>();
  forEachFeature(normalizeText(text), (f) => out.add(f));
  return [...out];
}

/** Calls `visit` for every feature of normalized text (possibly more than once for a repeated n-gram). */
function forEachFeature(normalized: string, visit: (feature: string) => void): void {
  const t = normalized.toLowerCase();
  const chars = [...t.replace(/[a-z0-9]+/g, ' ').replace(/\s+/g, '')];
  for (let i = 0; i < chars.length; i++) {
    visit('c' + chars[i]);
    if (i + 1 < chars.length) visit('c' + chars[i] + chars[i + 1]);
    if (i + 2 < chars.length) visit('c' + chars[i] + chars[i + 1] + chars[i + 2]);
  }
  const words = t.match(/[a-z]+/g) ?? [];
  for (let i = 0; i < words.length; i++) {
    visit('w' + words[i]);
    if (i + 1 < words.length) visit('w' + words[i] + '_' + words[i + 1]);
  }
}

export function trainEmergencyModel(examples: LabelledExample[], threshold = EMERGENCY_MODEL_THRESHOLD): EmergencyModel {
  const pos = new Map<string, number>();
  const neg = new Map<string, number>();
  let docsPos = 0;
  let docsNeg = 0;
  let featsPos = 0;
  let featsNeg = 0;
  for (const ex of examples) {
    const counts = ex.emergency ? pos : neg;
    if (ex.emergency) docsPos++;
    else docsNeg++;
    for (const f of features(ex.text)) {
      counts.set(f, (counts.get(f) ?? 0) + 1);
      if (ex.emergency) featsPos++;
      else featsNeg++;
    }
  }
  const vocab = new Set([...pos.keys(), ...neg.keys()]).size;
  // Per-feature log-likelihood ratio with add-one smoothing, precomputed so scoring is a sum of lookups.
  const weights = new Map<string, number>();
  for (const f of new Set([...pos.keys(), ...neg.keys()])) {
    weights.set(f, Math.log(((pos.get(f) ?? 0) + 1) / (featsPos + vocab)) - Math.log(((neg.get(f) ?? 0) + 1) / (featsNeg + vocab)));
  }
  if (docsPos === 0 || docsNeg === 0) return { score: () => -Infinity, flags: () => false, flagsNormalized: () => false };
  const prior = Math.log(docsPos / docsNeg);
  // Scoring walks the n-grams once and counts each distinct one once, without building arrays.
  const scoreNormalized = (normalized: string) => {
    let s = prior;
    const seen = new Set<string>();
    forEachFeature(normalized, (f) => {
      if (seen.has(f)) return;
      seen.add(f);
      s += weights.get(f) ?? 0;
    });
    return s;
  };
  const score = (text: string) => scoreNormalized(normalizeText(text));
  return { score, flags: (text) => score(text) > threshold, flagsNormalized: (normalized) => scoreNormalized(normalized) > threshold };
}

/** The labelled training files (training/*.jsonl: {text, intent}) plus every KB question and paraphrase as a negative. */
export function loadEmergencyTraining(kb: KbEntry[], dir = TRAINING_DIR): LabelledExample[] {
  const examples: LabelledExample[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const item = JSON.parse(line) as { text?: unknown; intent?: unknown };
      if (typeof item.text === 'string' && typeof item.intent === 'string') examples.push({ text: item.text, emergency: item.intent === 'emergency' });
    }
  }
  for (const e of kb) for (const t of [e.question, ...e.paraphrases]) examples.push({ text: t, emergency: false });
  return examples;
}
