// Builds the chat engine for a knowledge base without stalling the process: the index and the learned layers
// are built in a worker thread (chat/build-task.ts) and reassembled here in small steps. Learned layers are
// kept while the texts they read are unchanged (an answer edit only re-indexes), and the KB-independent intent
// layer is trained once per process.
import type { ChatEngine } from '../chat/engine.js';
import { learnedKey } from '../chat/engine.js';
import { engineFromParts, learnedFromParts, type EngineParts, type LearnedLayers } from '../chat/engine-parts.js';
import type { KbEntry } from '../chat/kb.js';
import { runInWorker } from '../lib/worker-task.js';

const BUILD_TASK = new URL('../chat/build-task.ts', import.meta.url);

/** The last built parts, per process: gateways over the same KB in one process (tests) share them. */
let lastIndex: { key: string; parts: EngineParts['index'] } | null = null;
let lastLearned: { key: string; layers: LearnedLayers } | null = null;

export interface BuildReport {
  engine: ChatEngine;
  /** Wall-clock seconds from the request to the engine being ready. */
  seconds: number;
  /** Whether the learned layers were retrained (the texts they read changed). */
  retrained: boolean;
}

export async function buildEngineOffThread(entries: KbEntry[]): Promise<BuildReport> {
  const started = performance.now();
  const indexKey = JSON.stringify(entries.map((e) => [e.id, e.enabled, e.categoryId, e.question, e.paraphrases, e.answer]));
  const key = learnedKey(entries);
  const learn = lastLearned?.key !== key;
  const reuseIndex = lastIndex?.key === indexKey;
  let indexParts = reuseIndex ? lastIndex!.parts : null;
  let layers = learn ? null : lastLearned!.layers;
  if (!indexParts || !layers) {
    const built = await runInWorker<unknown, EngineParts>(BUILD_TASK, { entries, learn, learnIntent: !lastLearned });
    indexParts = built.index;
    if (built.learned) layers = await learnedFromParts(built.learned, lastLearned?.layers.intentModel);
  }
  const engine = await engineFromParts(entries, indexParts, layers!);
  lastIndex = { key: indexKey, parts: indexParts };
  lastLearned = { key, layers: layers! };
  return { engine, seconds: (performance.now() - started) / 1000, retrained: learn };
}
