// Why: a sparse binary logistic regression (AdaGrad, L2, bagged over seeded shuffles) for the emergency and
// intent layers. Hand-written because the JS libraries we found train dense matrices, and these features are
// sparse (tens of thousands of n-grams, about a hundred per message).
import { distinctFeatures, FeatureIds } from './ngram-features.js';
import { seededRandom, shuffle } from './prng.js';

export interface BinaryExample {
  text: string;
  positive: boolean;
  /** The example's features when they are more than the n-grams of `text` (reading.ts learnedFeaturesOfText). */
  features?: readonly string[];
}

export interface LogisticOptions {
  rate: number;
  epochs: number;
  l2: number;
  /** Models trained on different shuffles and averaged. */
  models: number;
  /** Weight positives by negatives/positives, so the rarer class is not swamped. */
  balance: boolean;
}

export interface Reading {
  /** Log-odds of the positive class. */
  logOdds: number;
  /** The largest weight towards the positive class among the text's known n-grams (0 if none). */
  strongest: number;
}

export interface LogisticModel {
  /** Reads normalized text (see normalizeText). */
  read(normalized: string): Reading;
  /** Reads the distinct features of normalized text (distinctFeatures), when several models share them. */
  readFeatures(features: readonly string[]): Reading;
  /** The trained model as plain data, to rebuild it in another thread (logisticFromState). */
  state(): LogisticState;
}

/** A trained model as plain data: feature names (in id order), their weights and the bias. */
export interface LogisticState {
  features: string[];
  weights: Float64Array;
  bias: number;
}

export function trainLogistic(examples: BinaryExample[], opts: LogisticOptions): LogisticModel | null {
  const ids = new FeatureIds();
  const rows = examples.map((ex) => ({ features: ex.features ? ids.internFeatures(ex.features) : ids.intern(ex.text), label: ex.positive ? 1 : 0 }));
  const positives = rows.filter((r) => r.label === 1).length;
  if (positives === 0 || positives === rows.length) return null;
  const positiveWeight = opts.balance ? (rows.length - positives) / positives : 1;

  const weights = new Float64Array(ids.size);
  let bias = 0;
  for (let m = 0; m < opts.models; m++) {
    const w = new Float64Array(ids.size);
    const g2 = new Float64Array(ids.size);
    let b = 0;
    let gb = 0;
    const order = rows.map((_, i) => i);
    const rnd = seededRandom(m + 1);
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      shuffle(order, rnd);
      for (const index of order) {
        const row = rows[index]!;
        let z = b;
        for (const f of row.features) z += w[f]!;
        const p = 1 / (1 + Math.exp(-z));
        const g = (p - row.label) * (row.label ? positiveWeight : 1);
        for (const f of row.features) {
          const gf = g + opts.l2 * w[f]!;
          g2[f]! += gf * gf;
          w[f]! -= (opts.rate * gf) / Math.sqrt(g2[f]! + 1e-8);
        }
        gb += g * g;
        b -= (opts.rate * g) / Math.sqrt(gb + 1e-8);
      }
    }
    for (let f = 0; f < w.length; f++) weights[f]! += w[f]! / opts.models;
    bias += b / opts.models;
  }

  return modelOf(ids.map(), weights, bias);
}

/** The model a state describes (built in another thread): reads exactly as the trained one did. */
export function logisticFromState(state: LogisticState & { ids?: ReadonlyMap<string, number> }): LogisticModel {
  return modelOf(state.ids ?? new Map(state.features.map((f, i) => [f, i])), state.weights, state.bias);
}

function modelOf(ids: ReadonlyMap<string, number>, weights: Float64Array, bias: number): LogisticModel {
  const readFeatures = (features: readonly string[]): Reading => {
    let logOdds = bias;
    let strongest = 0;
    for (const f of features) {
      const id = ids.get(f);
      if (id === undefined) continue;
      logOdds += weights[id]!;
      strongest = Math.max(strongest, weights[id]!);
    }
    return { logOdds, strongest };
  };
  return {
    read: (normalized) => readFeatures(distinctFeatures(normalized)),
    readFeatures,
    state: () => ({ features: [...ids.keys()], weights, bias }),
  };
}
