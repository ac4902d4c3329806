// Why: hand-written danger rules miss phrasings nobody wrote a rule for. A second, independent layer —
// a logistic regression over character 1–3-grams (Chinese) and word 1–2-grams (English), trained on the
// project's own labelled examples — catches many of those. Either layer flags an emergency: recall wins.
// Logistic regression replaced naive Bayes here: on three blind sets neither had seen (2026-11-23), naive Bayes
// found 92 of 120 emergencies and this model 115, because long, formal texts no longer drown the danger words
// in evidence from ordinary characters. It is hand-written (about 40 lines) because the JS libraries we found
// train dense matrices, and these features are sparse (tens of thousands of n-grams, ~100 per text).
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
 * Decision threshold on the log-odds. Well below zero on purpose (recall first: a false alarm costs a citizen one
 * extra sentence, a miss can cost a life). Chosen on the regression sets in tests/chat: at -1 two unseen-style
 * emergencies slipped through, at -2 none did, for about one more false alarm per 160 messages.
 */
export const EMERGENCY_MODEL_THRESHOLD = -2;

/** The weight at least one n-gram of a text must carry towards danger before the text can be flagged. */
const DANGER_NGRAM_MIN = 0.5;

/** Training settings: AdaGrad steps, passes over the data, L2 penalty, and models averaged (bagging over shuffles). */
const TRAINING = { rate: 0.3, epochs: 30, l2: 1e-4, models: 3 } as const;

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

/** Deterministic PRNG (mulberry32), so the same data always trains the same model. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainEmergencyModel(examples: LabelledExample[], threshold = EMERGENCY_MODEL_THRESHOLD): EmergencyModel {
  // Features become integer ids once, so training is typed-array arithmetic.
  const ids = new Map<string, number>();
  const rows = examples.map((ex) => ({
    features: Int32Array.from(features(ex.text), (f) => {
      let id = ids.get(f);
      if (id === undefined) ids.set(f, (id = ids.size));
      return id;
    }),
    label: ex.emergency ? 1 : 0,
  }));
  const positives = rows.filter((r) => r.label === 1).length;
  if (positives === 0 || positives === rows.length) return { score: () => -Infinity, flags: () => false, flagsNormalized: () => false };
  // Emergencies are the rarer class; weighting them up keeps the decision boundary from sliding onto them.
  const positiveWeight = (rows.length - positives) / positives;

  const weights = new Float64Array(ids.size);
  let bias = 0;
  for (let m = 0; m < TRAINING.models; m++) {
    const w = new Float64Array(ids.size);
    const g2 = new Float64Array(ids.size);
    let b = 0;
    let gb = 0;
    const order = rows.map((_, i) => i);
    const rnd = random(m + 1);
    for (let epoch = 0; epoch < TRAINING.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (const index of order) {
        const row = rows[index]!;
        let z = b;
        for (const f of row.features) z += w[f]!;
        const p = 1 / (1 + Math.exp(-z));
        const g = (p - row.label) * (row.label ? positiveWeight : 1);
        for (const f of row.features) {
          const gf = g + TRAINING.l2 * w[f]!;
          g2[f]! += gf * gf;
          w[f]! -= (TRAINING.rate * gf) / Math.sqrt(g2[f]! + 1e-8);
        }
        gb += g * g;
        b -= (TRAINING.rate * g) / Math.sqrt(gb + 1e-8);
      }
    }
    for (let f = 0; f < w.length; f++) weights[f]! += w[f]! / TRAINING.models;
    bias += b / TRAINING.models;
  }

  // Scoring walks the n-grams once and counts each distinct one once, without building arrays. A text none of
  // whose n-grams leans towards danger scores -Infinity: the bias alone (which the class weighting pushes up)
  // must never flag a text the model knows nothing about ("ok", "Tell me a joke").
  const scoreNormalized = (normalized: string) => {
    let s = bias;
    let strongest = 0;
    const seen = new Set<string>();
    forEachFeature(normalized, (f) => {
      if (seen.has(f)) return;
      seen.add(f);
      const id = ids.get(f);
      if (id === undefined) return;
      s += weights[id]!;
      strongest = Math.max(strongest, weights[id]!);
    });
    return strongest >= DANGER_NGRAM_MIN ? s : -Infinity;
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
