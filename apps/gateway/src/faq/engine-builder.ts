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
}

export async function buildEngineOffThread(entries: KbEntry[]): Promise<BuildReport> {
  const started = performance.now();
  // The worker hashes the entries and builds only what differs from the parts held here.
  const encoded = await encodeEntries(entries);
  const request: BuildRequest = { entries: encoded, knownIndexKey: lastIndex?.key ?? null, knownLearnedKey: lastLearned?.key ?? null, learnIntent: !lastLearned };
  const built = await runInWorker<BuildRequest, EngineParts>(BUILD_TASK, request, encoded.map((slice) => slice.buffer as ArrayBuffer));
  const indexParts = built.index ?? lastIndex!.parts;
  const layers = built.learned ? await learnedFromParts(built.learned, lastLearned?.layers.intentModel) : lastLearned!.layers;
  const engine = await engineFromParts(entries, indexParts, layers);
  lastIndex = { key: built.indexKey, parts: indexParts };
  lastLearned = { key: built.learnedKey, layers };
  return { engine, seconds: (performance.now() - started) / 1000, retrained: built.learned !== null };
}
