// Why: a binary logistic regression over a handful of numeric features (gradient descent with L2), for
// small decisions learned from labelled pairs — whether two tickets report the same incident.

export interface DenseExample {
  x: readonly number[];
  y: 0 | 1;
}

export interface DenseLogistic {
  weights: number[];
  bias: number;
}

export function trainDenseLogistic(examples: readonly DenseExample[], opts: { epochs?: number; rate?: number; l2?: number; balance?: boolean; nonNegative?: boolean } = {}): DenseLogistic {
  const dims = examples[0]?.x.length ?? 0;
  const w = new Array<number>(dims).fill(0);
  let b = 0;
  const epochs = opts.epochs ?? 2000;
  const rate = opts.rate ?? 0.5;
  const l2 = opts.l2 ?? 1e-3;
  const positives = examples.filter((e) => e.y === 1).length;
  // Pairs of one incident are rare among all candidate pairs: weight them up so both kinds count equally.
  const posWeight = opts.balance === false || positives === 0 ? 1 : (examples.length - positives) / positives;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const gw = new Array<number>(dims).fill(0);
    let gb = 0;
    let total = 0;
    for (const ex of examples) {
      const weight = ex.y === 1 ? posWeight : 1;
      const err = (sigmoid(dot(w, ex.x) + b) - ex.y) * weight;
      for (let i = 0; i < dims; i++) gw[i]! += err * ex.x[i]!;
      gb += err;
      total += weight;
    }
    for (let i = 0; i < dims; i++) {
      w[i]! -= rate * (gw[i]! / total + l2 * w[i]!);
      // Evidence that can only point one way (more alike → more likely one): correlated features must not
      // be traded off against each other into a negative weight.
      if (opts.nonNegative && w[i]! < 0) w[i] = 0;
    }
    b -= (rate * gb) / total;
  }
  return { weights: w, bias: b };
}

export function predict(model: DenseLogistic, x: readonly number[]): number {
  return sigmoid(dot(model.weights, x) + model.bias);
}

const dot = (w: readonly number[], x: readonly number[]) => w.reduce((s, wi, i) => s + wi * x[i]!, 0);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
