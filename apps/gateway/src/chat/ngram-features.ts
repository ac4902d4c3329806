// Why: the learned layers (emergency, intent, category) read a message the same way: character 1–3-grams for
// Chinese and word 1–2-grams for English, over the normalized text (so 社宝卡, 社保卡 and "social security card"
// share features).
import { dirname, join } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeText } from './normalize.js';

/**
 * Labelled examples shipped with the engine: training/<folder>/*.jsonl (intent/, category/, danger/, look-alikes/,
 * English/ — see training/README.md), one {text, intent, categoryId?} per line.
 */
export const TRAINING_DIR = join(dirname(fileURLToPath(import.meta.url)), 'training');

export interface TrainingItem {
  text: string;
  intent: string;
  categoryId?: string | null;
}

/** Paths of every .jsonl file under `dir`, at any depth, relative to it and sorted (a stable order on every machine). */
export function trainingFiles(dir = TRAINING_DIR): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.jsonl')) out.push(path);
    }
  };
  walk('');
  // Code-unit order of the relative paths, not the locale's: the learned layers see the examples in this order.
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Every item of every training .jsonl file (all folders), files in trainingFiles order, lines in file order. */
export function readTrainingItems(dir = TRAINING_DIR): TrainingItem[] {
  const items: TrainingItem[] = [];
  for (const file of trainingFiles(dir)) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const item = JSON.parse(line) as Partial<TrainingItem>;
      if (typeof item.text === 'string' && typeof item.intent === 'string') items.push({ text: item.text, intent: item.intent, categoryId: item.categoryId ?? null });
    }
  }
  return items;
}

/** The distinct features of raw text. */
export function features(text: string): string[] {
  return distinctFeatures(normalizeText(text));
}

/** The distinct features of normalized text: computed once per message and read by every learned layer. */
export function distinctFeatures(normalized: string): string[] {
  const out = new Set<string>();
  forEachFeature(normalized, (f) => out.add(f));
  return [...out];
}

/** Calls `visit` for every feature of normalized text (possibly more than once for a repeated n-gram). */
export function forEachFeature(normalized: string, visit: (feature: string) => void): void {
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

/** Maps feature strings to dense integer ids while training. */
export class FeatureIds {
  private readonly ids = new Map<string, number>();
  get size(): number {
    return this.ids.size;
  }
  /** Ids of a raw text's features, adding new ones. */
  intern(text: string): Int32Array {
    return this.internFeatures(features(text));
  }
  /** Ids of distinct features, adding new ones. */
  internFeatures(list: readonly string[]): Int32Array {
    return Int32Array.from(list, (f) => {
      let id = this.ids.get(f);
      if (id === undefined) this.ids.set(f, (id = this.ids.size));
      return id;
    });
  }
  /** The feature → id table itself (ids are insertion order). */
  map(): ReadonlyMap<string, number> {
    return this.ids;
  }
  /** Id of a known feature, or undefined. */
  get(feature: string): number | undefined {
    return this.ids.get(feature);
  }
}

/**
 * The KB's questions and paraphrases, at most `perCategory` per category (spread evenly over its entries), so
 * training time stays bounded however large a city's KB grows.
 */
export function kbTexts<E extends { categoryId: string; question: string; paraphrases: string[] }>(kb: E[], perCategory = 150): { text: string; entry: E }[] {
  const byCategory = new Map<string, { text: string; entry: E }[]>();
  for (const entry of kb) {
    const list = byCategory.get(entry.categoryId) ?? [];
    for (const text of [entry.question, ...entry.paraphrases]) list.push({ text, entry });
    byCategory.set(entry.categoryId, list);
  }
  const out: { text: string; entry: E }[] = [];
  for (const list of byCategory.values()) {
    if (list.length <= perCategory) out.push(...list);
    else for (let i = 0; i < perCategory; i++) out.push(list[Math.floor((i * list.length) / perCategory)]!);
  }
  return out;
}
