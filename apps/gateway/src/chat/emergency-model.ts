// Why: hand-written danger rules miss phrasings nobody wrote a rule for. A second, independent layer —
// a logistic regression over n-grams (ngram-features.ts) and the framing and intent cue hits (reading.ts
// cueFeatures), trained on the project's own labelled examples —
// catches many of those. Either layer flags an emergency: recall wins.
// Logistic regression replaced naive Bayes here: on three blind sets neither had seen (2026-11-23), naive Bayes
// found 92 of 120 emergencies and this model 115, because long, formal texts no longer drown the danger words
// in evidence from ordinary characters.
import type { KbEntry } from './kb.js';
import { logisticFromState, trainLogistic, type BinaryExample, type LogisticModel, type LogisticState } from './logistic.js';
import { kbTexts, readTrainingItems, TRAINING_DIR } from './ngram-features.js';
import { learnedFeaturesOfText } from './reading.js';

export { features, TRAINING_DIR } from './ngram-features.js';

export interface LabelledExample {
  text: string;
  emergency: boolean;
}

export interface EmergencyModel {
  /** Log-odds that the text reports a live emergency (-Infinity when none of its features leans towards danger). */
  score(text: string): number;
  /** score(text) above the decision threshold. */
  flags(text: string): boolean;
  /** flags() from a reading's danger features (Reading.dangerFeatures: n-grams of the base text and the cue hits). */
  flagsFeatures(features: readonly string[]): boolean;
  /** The trained weights as plain data (null when there was nothing to learn), for emergencyModelFromState. */
  state(): LogisticState | null;
}

/**
 * Decision threshold on the log-odds. Well below zero on purpose (recall first: a false alarm costs a citizen one
 * extra sentence, a miss can cost a life). Chosen by 5-fold cross-validation over training/ (2026-12-04), counting
 * only texts no danger rule catches and no framing calls past: with the cue hits as features, at -1.5 the model
 * missed 3 of 246 held-out emergencies and flagged 111 of 2,350 non-emergencies; the n-grams alone at the
 * earlier -2 missed 4 and flagged 140.
 */
export const EMERGENCY_MODEL_THRESHOLD = -1.5;

/** The weight at least one n-gram of a text must carry towards danger before the text can be flagged. */
const DANGER_NGRAM_MIN = 0.5;

/** Emergencies are the rarer class, so positives are weighted up; three models on different shuffles are averaged. */
const TRAINING = { rate: 0.3, epochs: 30, l2: 1e-4, models: 3, balance: true } as const;

export function trainEmergencyModel(examples: LabelledExample[], threshold = EMERGENCY_MODEL_THRESHOLD): EmergencyModel {
  const model = trainLogistic(
    examples.map((e): BinaryExample => ({ text: e.text, positive: e.emergency, features: learnedFeaturesOfText(e.text) })),
    TRAINING,
  );
  return emergencyModelOf(model, threshold);
}

/** The model a state describes (trained in a worker thread). */
export function emergencyModelFromState(state: LogisticState | null, threshold = EMERGENCY_MODEL_THRESHOLD): EmergencyModel {
  return emergencyModelOf(state ? logisticFromState(state) : null, threshold);
}

function emergencyModelOf(model: LogisticModel | null, threshold: number): EmergencyModel {
  if (!model) return { score: () => -Infinity, flags: () => false, flagsFeatures: () => false, state: () => null };
  // The bias alone (which the class weighting pushes up) must never flag a text the model knows nothing about
  // ("ok", "Tell me a joke"): some n-gram of the text itself has to lean towards danger.
  const scoreFeatures = (features: readonly string[]) => {
    const r = model.readFeatures(features);
    return r.strongest >= DANGER_NGRAM_MIN ? r.logOdds : -Infinity;
  };
  const score = (text: string) => scoreFeatures(learnedFeaturesOfText(text));
  return {
    score,
    flags: (text) => score(text) > threshold,
    flagsFeatures: (features) => scoreFeatures(features) > threshold,
    state: () => model.state(),
  };
}

/** The labelled training files (training/<folder>/*.jsonl: {text, intent}) plus the KB's questions and paraphrases as negatives. */
export function loadEmergencyTraining(kb: KbEntry[], dir = TRAINING_DIR): LabelledExample[] {
  const examples: LabelledExample[] = readTrainingItems(dir).map((item) => ({ text: item.text, emergency: item.intent === 'emergency' }));
  for (const { text } of kbTexts(kb)) examples.push({ text, emergency: false });
  return examples;
}
