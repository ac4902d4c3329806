// Why: a sparse softmax (multinomial logistic) regression, trained with AdaGrad and L2 over seeded
// shuffles, for every "which one of K" question the gateway learns: the chat's category and the
// dispatch's department. Features are strings (n-grams, cue hits); each row has about a hundred of tens
// of thousands, so weights are stored feature-major and only a row's own features are touched.
import { seededRandom, shuffle } from '../chat/prng.js';

export interface SoftmaxRow<L extends string> {
  /** Distinct feature strings of the example. */
  features: readonly string[];
  label: L;
}

export interface SoftmaxOptions {
  /** AdaGrad step size. */
  rate: number;
  /** Passes over the data. */
  epochs: number;
  /** L2 penalty. */
  l2: number;
  /** Seed of the shuffles: the same data always trains the same model. */
  seed?: number;
}

export interface SoftmaxModel<L extends string> {
  readonly labels: readonly L[];
  /** Probability per label (sums to 1); empty when the model knows none of the features. */
  probabilities(features: readonly string[]): Map<L, number>;
  /** The trained weights, to rebuild the model elsewhere (another thread, a cache file); `exact` keeps 64-bit weights. */
  state(opts?: { exact?: boolean }): SoftmaxState<L>;
}

/** A trained model as plain data: feature names, feature-major weights, biases. */
export interface SoftmaxState<L extends string> {
  labels: L[];
  features: string[];
  weights: Float32Array | Float64Array;
  bias: Float32Array | Float64Array;
}

export function trainSoftmax<L extends string>(labels: readonly L[], examples: readonly SoftmaxRow<L>[], opts: SoftmaxOptions): SoftmaxModel<L> {
  const K = labels.length;
  const ids = new Map<string, number>();
  const intern = (features: readonly string[]) =>
    Int32Array.from(features, (f) => {
      let id = ids.get(f);
      if (id === undefined) ids.set(f, (id = ids.size));
      return id;
    });
  const rows = examples.map((ex) => ({ features: intern(ex.features), label: labels.indexOf(ex.label) })).filter((r) => r.label >= 0);
  const w = new Float64Array(ids.size * K);
  const g2 = new Float64Array(ids.size * K);
  const b = new Float64Array(K);
  const gb = new Float64Array(K);
  const z = new Float64Array(K);
  const order = rows.map((_, i) => i);
  const rnd = seededRandom(opts.seed ?? 1);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffle(order, rnd);
    for (const index of order) {
      const row = rows[index]!;
      softmax(row.features, w, b, z);
      for (let k = 0; k < K; k++) {
        const g = z[k]! - (k === row.label ? 1 : 0);
        for (const f of row.features) {
          const i = f * K + k;
          const gf = g + opts.l2 * w[i]!;
          g2[i]! += gf * gf;
          w[i]! -= (opts.rate * gf) / Math.sqrt(g2[i]! + 1e-8);
        }
        gb[k]! += g * g;
        b[k]! -= (opts.rate * g) / Math.sqrt(gb[k]! + 1e-8);
      }
    }
  }
  return modelOf(labels, ids, w, b, rows.length > 0);
}

/** The model a state describes (weights kept at 32 bits there: ample for ranking, half the memory). */
export function softmaxFromState<L extends string>(state: SoftmaxState<L> & { ids?: Map<string, number> }): SoftmaxModel<L> {
  const ids = state.ids ?? new Map(state.features.map((f, i) => [f, i]));
  // new Float64Array(typed) converts in one pass; Float64Array.from walks a million weights through the iterator protocol.
  return modelOf(state.labels, ids, new Float64Array(state.weights), new Float64Array(state.bias), state.features.length > 0);
}

function modelOf<L extends string>(labels: readonly L[], ids: Map<string, number>, w: Float64Array, b: Float64Array, trained: boolean): SoftmaxModel<L> {
  const K = labels.length;
  return {
    labels,
    probabilities(features) {
      const known: number[] = [];
      for (const f of features) {
        const id = ids.get(f);
        if (id !== undefined) known.push(id);
      }
      const out = new Map<L, number>();
      if (known.length === 0 || !trained) return out;
      const p = new Float64Array(K);
      softmax(known, w, b, p);
      for (let k = 0; k < K; k++) out.set(labels[k]!, p[k]!);
      return out;
    },
    state: (opts) =>
      opts?.exact
        ? { labels: [...labels], features: [...ids.keys()], weights: Float64Array.from(w), bias: Float64Array.from(b) }
        : { labels: [...labels], features: [...ids.keys()], weights: Float32Array.from(w), bias: Float32Array.from(b) },
  };
}

/** out = softmax(b + Σ w[f]) over the labels. */
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
