// Why: keywords and retrieval only know the words someone wrote down for them. A softmax regression over
// character and word n-grams, trained on every KB question and paraphrase plus the labelled examples in
// training/, reads the category from the whole sentence — dialect, typos and English included. On the twelve
// labelled sets in tests/chat (none used for training) it alone picked the right category for 92–98% of
// consult and complaint messages; it is one vote next to keywords and retrieval, not the decider.
import { CATEGORIES, type CategoryId } from '@minhu/shared';
import type { KbEntry } from './kb.js';
import { distinctFeatures, FeatureIds, kbTexts, readTrainingItems, TRAINING_DIR } from './ngram-features.js';
import { seededRandom, shuffle } from './prng.js';

export interface CategoryExample {
  text: string;
  categoryId: CategoryId;
}

export interface CategoryModel {
  /** Probability per category (sums to 1) for normalized text; empty when the model knows none of its n-grams. */
  probabilities(normalized: string): Map<CategoryId, number>;
  /** The same from the text's distinct features (distinctFeatures). */
  probabilitiesOf(features: readonly string[]): Map<CategoryId, number>;
}

/** AdaGrad steps, passes over the data, L2 penalty. */
const TRAINING = { rate: 0.3, epochs: 12, l2: 1e-4 } as const;

const IDS: CategoryId[] = CATEGORIES.map((c) => c.id);

export function trainCategoryModel(examples: CategoryExample[]): CategoryModel {
  const K = IDS.length;
  const ids = new FeatureIds();
  const rows = examples.map((ex) => ({ features: ids.intern(ex.text), label: IDS.indexOf(ex.categoryId) }));
  // Weights are feature-major (feature * K + category) so one feature's row is contiguous.
  const w = new Float64Array(ids.size * K);
  const g2 = new Float64Array(ids.size * K);
  const b = new Float64Array(K);
  const gb = new Float64Array(K);
  const z = new Float64Array(K);
  const order = rows.map((_, i) => i);
  const rnd = seededRandom(1);
  for (let epoch = 0; epoch < TRAINING.epochs; epoch++) {
    shuffle(order, rnd);
    for (const index of order) {
      const row = rows[index]!;
      softmax(row.features, w, b, z);
      for (let k = 0; k < K; k++) {
        const g = z[k]! - (k === row.label ? 1 : 0);
        for (const f of row.features) {
          const i = f * K + k;
          const gf = g + TRAINING.l2 * w[i]!;
          g2[i]! += gf * gf;
          w[i]! -= (TRAINING.rate * gf) / Math.sqrt(g2[i]! + 1e-8);
        }
        gb[k]! += g * g;
        b[k]! -= (TRAINING.rate * g) / Math.sqrt(gb[k]! + 1e-8);
      }
    }
  }
  const probabilitiesOf = (feats: readonly string[]): Map<CategoryId, number> => {
    const known: number[] = [];
    for (const f of feats) {
      const id = ids.get(f);
      if (id !== undefined) known.push(id);
    }
    const out = new Map<CategoryId, number>();
    if (known.length === 0 || rows.length === 0) return out;
    const p = new Float64Array(K);
    softmax(known, w, b, p);
    for (let k = 0; k < K; k++) out.set(IDS[k]!, p[k]!);
    return out;
  };
  return { probabilities: (normalized) => probabilitiesOf(distinctFeatures(normalized)), probabilitiesOf };
}

/** out = softmax(b + Σ w[f]) over the categories. */
function softmax(feats: ArrayLike<number>, w: Float64Array, b: Float64Array, out: Float64Array): void {
  const K = b.length;
  for (let k = 0; k < K; k++) out[k] = b[k]!;
  for (let n = 0; n < feats.length; n++) {
    const base = feats[n]! * K;
    for (let k = 0; k < K; k++) out[k]! += w[base + k]!;
  }
  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, out[k]!);
  let sum = 0;
  for (let k = 0; k < K; k++) {
    out[k] = Math.exp(out[k]! - max);
    sum += out[k]!;
  }
  for (let k = 0; k < K; k++) out[k]! /= sum;
}

/** The KB's questions and paraphrases (bounded per category), plus the consult and complaint examples in training/*.jsonl that name a category. */
export function loadCategoryTraining(kb: KbEntry[], dir = TRAINING_DIR): CategoryExample[] {
  const examples: CategoryExample[] = [];
  for (const { text, entry } of kbTexts(kb)) examples.push({ text, categoryId: entry.categoryId });
  for (const item of readTrainingItems(dir)) {
    if (item.intent !== 'consult' && item.intent !== 'complaint') continue;
    if (item.categoryId && (IDS as string[]).includes(item.categoryId)) examples.push({ text: item.text, categoryId: item.categoryId as CategoryId });
  }
  return examples;
}
