// Why: the ranked full-text index (minisearch BM25 over jieba tokens) of the enabled KB entries, rebuilt whenever admins change entries.
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import type { CategoryId } from '@minhu/shared';
import type { KbEntry } from './kb.js';
import { normalizeText } from './normalize.js';
import { splitTokens, tokenize } from './segment.js';

interface IndexedDoc {
  id: number;
  q: string;
  p: string;
  a: string;
}

export interface Hit {
  entry: KbEntry;
  score: number;
  /** Query tokens this entry matched. */
  matched: string[];
}

export interface FaqIndex {
  entries: KbEntry[];
  byId: Map<string, KbEntry>;
  byCategory: Map<CategoryId, KbEntry[]>;
  /** The tokens that carry a topic: all but those found in most documents (unknown tokens are kept). */
  informative(tokens: string[]): string[];
  search(tokens: string[], opts?: { categoryId?: CategoryId; limit?: number; weights?: Map<string, number> }): Hit[];
}

/** Field boosts: the standard question and the citizens' paraphrases matter more than the answer body. */
const BOOST = { q: 2, p: 1.6, a: 0.35 };
/** Only the start of an answer is indexed: it names the procedure; the rest is detail that adds noise and cost. */
const ANSWER_CHARS = 160;
/** A term in more than this share of documents is not searched (it would touch most of the index for little signal). */
const MAX_DF_RATIO = 0.05;
/** …but on a small KB never prune terms found in fewer documents than this. */
const MIN_PRUNE_DF = 25;
/** Long rambling messages: only the rarest terms are searched. */
const MAX_QUERY_TERMS = 8;

/** Index-side text preparation. Homophone fixing is query-side only: KB text is edited, and fixing 80,000 texts would slow rebuilds. */
export function prepare(text: string): string {
  return tokenize(normalizeText(text)).join(' ');
}

const OPTIONS: Options<IndexedDoc> = {
  fields: ['q', 'p', 'a'],
  idField: 'id',
  tokenize: splitTokens,
  processTerm: (t) => t,
  searchOptions: { boost: BOOST, combineWith: 'OR', bm25: { k: 1.2, b: 0.5, d: 0.5 } },
};

/**
 * A built index as plain data, cheap to pass between threads: the minisearch index as JSON (its term list cut
 * into chunks, so the receiver parses it a piece at a time) and the document frequencies.
 */
export interface FaqIndexState {
  /** minisearch's toJSON() without its term list, as JSON. */
  head: string;
  /** The term list, as JSON arrays of about CHUNK_CHARS characters each, UTF-8 encoded: bytes cross a thread without being copied, strings are copied a character at a time. */
  terms: Uint8Array[];
  /** Tokens with a document frequency, joined by NUL (no token holds one). */
  dfTokens: string;
  dfCounts: Int32Array;
}

/** About this many characters of JSON per chunk: each parses in a few milliseconds. */
const CHUNK_CHARS = 64 * 1024;

/** Tokenizes and indexes the enabled entries: the heavy part of a rebuild, run in a worker thread. */
function indexParts(entries: KbEntry[]): { ms: MiniSearch<IndexedDoc>; df: Map<string, number> } {
  const ms = new MiniSearch<IndexedDoc>(OPTIONS);
  const docs: IndexedDoc[] = entries.map((e, id) => ({
    id,
    q: prepare(e.question),
    p: e.paraphrases.map((p) => prepare(p)).join(' '),
    a: prepare(e.answer.slice(0, ANSWER_CHARS)),
  }));
  ms.addAll(docs);
  /** Document frequency per token: query terms found in most documents say little and cost the most. */
  const df = new Map<string, number>();
  for (const d of docs) {
    const inDoc = new Set<string>();
    for (const f of [d.q, d.p, d.a]) for (const t of splitTokens(f)) inDoc.add(t);
    for (const t of inDoc) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return { ms, df };
}

export function buildIndex(all: KbEntry[]): FaqIndex {
  const entries = all.filter((e) => e.enabled);
  const { ms, df } = indexParts(entries);
  return assemble(entries, ms, df);
}

/** The index of these entries as plain data (see FaqIndexState). */
export function buildIndexState(all: KbEntry[]): FaqIndexState {
  const { ms, df } = indexParts(all.filter((e) => e.enabled));
  const { index, ...head } = ms.toJSON();
  // Cut by size, not count: a common term's postings list every document that holds it.
  const encoder = new TextEncoder();
  const terms: Uint8Array[] = [];
  let chunk: string[] = [];
  let size = 0;
  for (const term of index) {
    const json = JSON.stringify(term);
    chunk.push(json);
    size += json.length;
    if (size >= CHUNK_CHARS) {
      terms.push(encoder.encode(`[${chunk.join(',')}]`));
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length) terms.push(encoder.encode(`[${chunk.join(',')}]`));
  return { head: JSON.stringify(head), terms, dfTokens: [...df.keys()].join('\u0000'), dfCounts: Int32Array.from(df.values()) };
}

/**
 * The index a state describes, for the same entries it was built from. Parses and loads a piece at a time,
 * yielding to the event loop between pieces, so requests keep being answered while a large index arrives.
 */
export async function indexFromState(all: KbEntry[], state: FaqIndexState): Promise<FaqIndex> {
  const entries = all.filter((e) => e.enabled);
  const index: AsPlainObject['index'] = [];
  const decoder = new TextDecoder();
  for (const chunk of state.terms) {
    for (const term of JSON.parse(decoder.decode(chunk)) as AsPlainObject['index']) index.push(term);
    await yieldToEvents();
  }
  const ms = await MiniSearch.loadJSAsync<IndexedDoc>({ ...(JSON.parse(state.head) as Omit<AsPlainObject, 'index'>), index }, OPTIONS);
  await yieldToEvents();
  const tokens = state.dfTokens ? state.dfTokens.split('\u0000') : [];
  const df = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) df.set(tokens[i]!, state.dfCounts[i]!);
  return assemble(entries, ms, df);
}

function assemble(entries: KbEntry[], ms: MiniSearch<IndexedDoc>, df: Map<string, number>): FaqIndex {
  const maxDf = Math.max(MIN_PRUNE_DF, Math.floor(entries.length * MAX_DF_RATIO));
  /** The informative query terms: known to the index, not near-universal, the rarest MAX_QUERY_TERMS of them. */
  const selectTerms = (tokens: string[]): string[] => {
    const unique = [...new Set(tokens)].filter((t) => {
      const n = df.get(t);
      return n !== undefined && n <= maxDf;
    });
    if (unique.length <= MAX_QUERY_TERMS) return unique;
    return unique.sort((x, y) => (df.get(x) ?? 0) - (df.get(y) ?? 0)).slice(0, MAX_QUERY_TERMS);
  };
  const byId = new Map(entries.map((e) => [e.id, e]));
  const byCategory = new Map<CategoryId, KbEntry[]>();
  for (const e of entries) {
    const list = byCategory.get(e.categoryId) ?? [];
    list.push(e);
    byCategory.set(e.categoryId, list);
  }
  return {
    entries,
    byId,
    byCategory,
    informative: (tokens) => [...new Set(tokens)].filter((t) => (df.get(t) ?? 0) <= maxDf),
    search(tokens, opts = {}) {
      const terms = selectTerms(tokens);
      if (terms.length === 0) return [];
      const limit = opts.limit ?? 12;
      const weights = opts.weights;
      const categoryId = opts.categoryId;
      const results = ms.search(terms.join(' '), {
        ...(categoryId ? { filter: (r) => entries[r.id as number]!.categoryId === categoryId } : {}),
        ...(weights ? { boostTerm: (term: string) => weights.get(term) ?? 1 } : {}),
      });
      const out: Hit[] = [];
      for (const r of results) {
        if (out.length >= limit) break;
        out.push({ entry: entries[r.id as number]!, score: r.score, matched: r.queryTerms });
      }
      return out;
    },
  };
}
