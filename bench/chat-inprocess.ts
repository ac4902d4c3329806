// Why: the chat engine must answer in-process fast (p99 < 5 ms at 10,000 entries, ≤ 2 ms CPU per message); this measures it with the seed KB and a synthetic 10,000-entry KB.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChatEngine, type ChatEngine } from '../apps/gateway/src/chat/engine.js';
import { loadSeedKb, type KbEntry } from '../apps/gateway/src/chat/kb.js';

export interface LatencyFigures {
  entries: number;
  buildMs: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** process.cpuUsage (user + system) per answered message. */
  cpuMsPerMessage: number;
}

export interface ChatInProcessBench {
  queries: number;
  seed: LatencyFigures;
  synthetic: LatencyFigures & { heapUsedMB: number; heapDeltaMB: number; gcExposed: boolean };
}

const here = dirname(fileURLToPath(import.meta.url));
const round = (x: number, d = 3): number => Math.round(x * 10 ** d) / 10 ** d;

/** Deterministic PRNG so every run measures the same KB. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Split Chinese text into clause-sized pieces that can be recombined. */
function clauses(text: string): string[] {
  return text
    .split(/[，。；！？、,.;!?\s]+/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/**
 * n entries made by recombining seed entries of the same category: clauses of two questions, paraphrases of both,
 * and answer sentences of both — so tokens, lengths and category vocabularies are realistic.
 */
export function syntheticKb(seed: KbEntry[], n: number): KbEntry[] {
  const rand = mulberry32(12345);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const byCat = new Map<string, KbEntry[]>();
  for (const e of seed) byCat.set(e.categoryId, [...(byCat.get(e.categoryId) ?? []), e]);
  const cats = [...byCat.values()];
  const out: KbEntry[] = [];
  for (let i = 0; i < n; i++) {
    const group = pick(cats);
    const a = pick(group);
    const b = pick(group);
    const qa = clauses(a.question);
    const qb = clauses(b.question);
    const question = [...qa.slice(0, Math.max(1, Math.ceil(qa.length / 2))), ...qb.slice(Math.floor(qb.length / 2))].join('，') + '？';
    const paraphrases = [...a.paraphrases.slice(0, 3), ...b.paraphrases.slice(3)].map((p, k) => {
      const parts = clauses(p);
      return k % 2 === 0 ? parts.join(' ') : [...parts].reverse().join(' ');
    });
    const answer = [...a.answer.split('。').slice(0, 2), ...b.answer.split('。').slice(2)].filter(Boolean).join('。') + '。';
    out.push({ ...a, id: `syn-${i}`, question, paraphrases, answer, localDetails: a.localDetails, localValue: null, enabled: true });
  }
  return out;
}

/** Texts to ask: the labelled sets if present, else the seed paraphrases. */
function queryTexts(seed: KbEntry[]): string[] {
  const dir = resolve(here, '../tests/chat');
  const texts: string[] = [];
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl'))) {
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
        if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
      }
    }
  }
  if (texts.length < 100) for (const e of seed) texts.push(...e.paraphrases);
  return texts;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Conversations of three messages each (context passed along, as the gateway does), timed per message. */
function measure(engine: ChatEngine, texts: string[], rounds: number): { p50: number; p99: number; mean: number; cpuMs: number } {
  // Warm-up: JIT, jieba and the per-character pinyin cache.
  for (const t of texts) engine.answer(t);
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    let context: unknown = undefined;
    texts.forEach((t, i) => {
      if (i % 3 === 0) context = undefined;
      const t0 = performance.now();
      const a = engine.answer(t, context);
      times.push(performance.now() - t0);
      context = a.context;
    });
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, x) => s + x, 0) / times.length;
  return { p50: percentile(times, 50), p99: percentile(times, 99), mean, cpuMs: (cpu.user + cpu.system) / 1000 / times.length };
}

function gc(): boolean {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g) {
    g();
    g();
    return true;
  }
  return false;
}

export async function benchChatInProcess(opts: { syntheticEntries?: number; rounds?: number } = {}): Promise<ChatInProcessBench> {
  const n = opts.syntheticEntries ?? 10_000;
  const rounds = opts.rounds ?? 3;
  const seed = loadSeedKb();
  const texts = queryTexts(seed);

  let t0 = performance.now();
  const seedEngine = createChatEngine(seed);
  const seedBuild = performance.now() - t0;
  const s = measure(seedEngine, texts, rounds);

  const synthetic = syntheticKb(seed, n);
  const gcExposed = gc();
  const heapBefore = process.memoryUsage().heapUsed;
  t0 = performance.now();
  const bigEngine = createChatEngine(synthetic);
  const bigBuild = performance.now() - t0;
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  const b = measure(bigEngine, texts, rounds);

  return {
    queries: texts.length * rounds,
    seed: { entries: seedEngine.size(), buildMs: round(seedBuild, 1), p50Ms: round(s.p50), p99Ms: round(s.p99), meanMs: round(s.mean), cpuMsPerMessage: round(s.cpuMs) },
    synthetic: {
      entries: bigEngine.size(),
      buildMs: round(bigBuild, 1),
      p50Ms: round(b.p50),
      p99Ms: round(b.p99),
      meanMs: round(b.mean),
      cpuMsPerMessage: round(b.cpuMs),
      heapUsedMB: round(heapAfter / 1024 / 1024, 1),
      heapDeltaMB: round((heapAfter - heapBefore) / 1024 / 1024, 1),
      gcExposed,
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  benchChatInProcess()
    .then((r) => console.log(JSON.stringify(r, null, 2)))
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
