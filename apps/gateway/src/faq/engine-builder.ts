// Builds the chat engine for a knowledge base without stalling the process: the index and the learned layers
// are built in a worker thread (chat/build-task.ts) and reassembled here in small steps. Learned layers are
// kept while the texts they read are unchanged (an answer edit only re-indexes), and the KB-independent intent
// layer is trained once per process.
import { join } from 'node:path';
import type { ChatEngine } from '../chat/engine.js';
import { encodeEntries, engineFromParts, learnedFromParts, type BuildRequest, type EngineParts, type LearnedLayers } from '../chat/engine-parts.js';
import type { FaqIndexState } from '../chat/index-build.js';
import type { KbEntry } from '../chat/kb.js';
import { runInWorker } from '../lib/worker-task.js';

const BUILD_TASK = join(import.meta.dirname, '..', 'chat', 'build-task.ts');

/** The last built parts, per process: gateways over the same KB in one process (tests) share them. */
let lastIndex: { key: string; parts: FaqIndexState } | null = null;
let lastLearned: { key: string; layers: LearnedLayers } | null = null;

export interface BuildReport {
  engine: ChatEngine;
  /** Wall-clock seconds from the request to the engine being ready. */
  seconds: number;
  /** Whether the learned layers were retrained (the texts they read changed). */
  retrained: boolean;
  /** The learned layers in this engine were trained on older texts (built with reuseLearned): a full build should follow. */
  learnedStale: boolean;
}

/**
 * `reuseLearned`: build only the index and keep the learned layers already held (a second or two instead of the
 * seconds retraining takes), reporting whether they are stale for these entries.
 */
export async function buildEngineOffThread(entries: KbEntry[], opts: { reuseLearned?: boolean } = {}): Promise<BuildReport> {
  const started = performance.now();
  const reuse = Boolean(opts.reuseLearned && lastLearned);
  // The worker hashes the entries and builds only what differs from the parts held here.
  const encoded = await encodeEntries(entries);
  const request: BuildRequest = {
    entries: encoded,
    knownIndexKey: lastIndex?.key ?? null,
    knownLearnedKey: lastLearned?.key ?? null,
    learnIntent: !lastLearned,
    skipLearned: reuse,
  };
  const built = await runInWorker<BuildRequest, EngineParts>(BUILD_TASK, request, encoded.map((slice) => slice.buffer as ArrayBuffer));
  const indexParts = built.index ?? lastIndex!.parts;
  const layers = built.learned ? await learnedFromParts(built.learned, lastLearned?.layers.intentModel) : lastLearned!.layers;
  const engine = await engineFromParts(entries, indexParts, layers);
  const learnedStale = !built.learned && built.learnedKey !== lastLearned!.key;
  lastIndex = { key: built.indexKey, parts: indexParts };
  // Stale layers keep their own key, so the full build that follows knows to retrain.
  if (!learnedStale) lastLearned = { key: built.learnedKey, layers };
  return { engine, seconds: (performance.now() - started) / 1000, retrained: built.learned !== null, learnedStale };
}
