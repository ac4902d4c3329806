// Why: measures the engine on labelled sets (intent accuracy, category top-1, emergency recall, out-of-scope precision); `npx tsx apps/gateway/src/chat/eval.ts [file.jsonl …]`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHAT_INTENTS, CategoryIdSchema, ChatIntentSchema, ChatMessageResponseSchema, type ChatIntent } from '@minhu/shared';
import { z } from 'zod';
import { createChatEngine, type ChatAnswer, type ChatEngine } from './engine.js';
import { loadSeedKb } from './kb.js';

/** One labelled line: {text, intent, categoryId, options?}. */
export const EvalItemSchema = z.object({
  text: z.string().min(1),
  intent: ChatIntentSchema,
  categoryId: CategoryIdSchema.nullable().optional(),
  options: z.array(CategoryIdSchema).optional(),
});
export type EvalItem = z.infer<typeof EvalItemSchema>;

export interface EvalMiss {
  text: string;
  expectedIntent: ChatIntent;
  gotIntent: ChatIntent;
  expectedCategory: string | null;
  gotCategory: string | null;
}

export interface EvalMetrics {
  total: number;
  intentAccuracy: number;
  /** Category top-1 on consult and complaint items. */
  categoryTop1: number;
  categoryItems: number;
  /** Emergency items answered as emergency with a number named in the reply. */
  emergencyRecall: number;
  emergencyItems: number;
  /** Of the answers classed out_of_scope, the share that were out of scope. */
  outOfScopePrecision: number;
  /** Out-of-scope items that got an FAQ answer (must be 0). */
  outOfScopeFaqAnswers: number;
  /** Out-of-scope items offered a person as a public question (consult without a category or FAQ). */
  outOfScopeOfferedPerson: number;
  /** Non-emergency items answered as emergency. */
  falseEmergencies: number;
  /** confusion[expected][got] = count. */
  confusion: Record<ChatIntent, Record<ChatIntent, number>>;
  misses: EvalMiss[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

export function parseEvalFile(path: string): EvalItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l, i) => {
      const parsed = EvalItemSchema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid line'}`);
      return parsed.data;
    });
}

function namesNumber(a: ScoredAnswer): boolean {
  const numbers = a.reply.emergencyNumbers ?? [];
  return numbers.length > 0 && numbers.every((n) => a.reply.text.includes(n));
}

/** What the metrics need of an answer: the same fields in-process (ChatAnswer) and over HTTP (ChatMessageResponse). */
export type ScoredAnswer = Pick<ChatAnswer, 'intent' | 'categoryId' | 'faqId'> & { reply: Pick<ChatAnswer['reply'], 'text' | 'emergencyNumbers'> };

/** Run every item as the first message of its own conversation. */
export function evaluate(engine: ChatEngine, items: EvalItem[]): EvalMetrics {
  return score(items, items.map((item) => engine.answer(item.text)));
}

/**
 * The same measurement through the HTTP API of a running gateway: each item is the first message of a new
 * conversation (POST /api/chat/messages without conversationId). Lift the chat rate limits on that gateway
 * (CHAT_IP_PER_MINUTE, CHAT_CONVERSATION_PER_MINUTE) for a long set.
 */
export async function evaluateHttp(baseUrl: string, items: EvalItem[]): Promise<EvalMetrics> {
  const answers: ScoredAnswer[] = [];
  for (const item of items) {
    const res = await fetch(new URL('/api/chat/messages', baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: item.text }),
    });
    if (res.status !== 200) throw new Error(`POST /api/chat/messages answered ${res.status} for ${JSON.stringify(item.text)}: ${await res.text()}`);
    answers.push(ChatMessageResponseSchema.parse(await res.json()));
  }
  return score(items, answers);
}

function score(items: EvalItem[], answers: ScoredAnswer[]): EvalMetrics {
  const confusion = Object.fromEntries(CHAT_INTENTS.map((e) => [e, Object.fromEntries(CHAT_INTENTS.map((g) => [g, 0]))])) as EvalMetrics['confusion'];
  let intentOk = 0;
  let catOk = 0;
  let catN = 0;
  let emOk = 0;
  let emN = 0;
  let oosPredicted = 0;
  let oosPredictedOk = 0;
  let oosFaq = 0;
  let oosPerson = 0;
  let falseEm = 0;
  const misses: EvalMiss[] = [];
  for (const [i, item] of items.entries()) {
    const a = answers[i]!;
    confusion[item.intent][a.intent] += 1;
    let ok = a.intent === item.intent;
    if (ok) intentOk++;
    if (item.intent === 'consult' || item.intent === 'complaint') {
      catN++;
      if (a.categoryId === (item.categoryId ?? null)) catOk++;
      else ok = false;
    }
    if (item.intent === 'emergency') {
      emN++;
      if (a.intent === 'emergency' && namesNumber(a)) emOk++;
    } else if (a.intent === 'emergency') falseEm++;
    if (a.intent === 'out_of_scope') {
      oosPredicted++;
      if (item.intent === 'out_of_scope') oosPredictedOk++;
    }
    // An FAQ answer, or a category's FAQ list; not the offer of a person for a public question (consult, no category).
    if (item.intent === 'out_of_scope' && (a.faqId !== undefined || (a.intent === 'consult' && a.categoryId !== null))) oosFaq++;
    if (item.intent === 'out_of_scope' && a.intent === 'consult' && a.categoryId === null && a.faqId === undefined) oosPerson++;
    if (!ok) {
      misses.push({ text: item.text, expectedIntent: item.intent, gotIntent: a.intent, expectedCategory: item.categoryId ?? null, gotCategory: a.categoryId });
    }
  }
  return {
    total: items.length,
    intentAccuracy: ratio(intentOk, items.length),
    categoryTop1: ratio(catOk, catN),
    categoryItems: catN,
    emergencyRecall: ratio(emOk, emN),
    emergencyItems: emN,
    outOfScopePrecision: ratio(oosPredictedOk, oosPredicted),
    outOfScopeFaqAnswers: oosFaq,
    outOfScopeOfferedPerson: oosPerson,
    falseEmergencies: falseEm,
    confusion,
    misses,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function formatReport(name: string, m: EvalMetrics): string {
  const lines: string[] = [];
  lines.push(`== ${name} (${m.total} items)`);
  lines.push(`intent accuracy        ${pct(m.intentAccuracy)}`);
  lines.push(`category top-1         ${pct(m.categoryTop1)}  (consult+complaint, n=${m.categoryItems})`);
  lines.push(`emergency recall       ${pct(m.emergencyRecall)}  (n=${m.emergencyItems}; false alarms: ${m.falseEmergencies})`);
  lines.push(`out-of-scope precision ${pct(m.outOfScopePrecision)}  (out-of-scope answered with an FAQ: ${m.outOfScopeFaqAnswers}; offered a person: ${m.outOfScopeOfferedPerson})`);
  lines.push('');
  const short: Record<ChatIntent, string> = { consult: 'consult', complaint: 'complain', emergency: 'emergency', out_of_scope: 'oos', clarify: 'clarify' };
  lines.push(`confusion (rows expected, columns got)`);
  lines.push(['expected\\got'.padEnd(13), ...CHAT_INTENTS.map((g) => short[g].padStart(10))].join(''));
  for (const e of CHAT_INTENTS) lines.push([short[e].padEnd(13), ...CHAT_INTENTS.map((g) => String(m.confusion[e][g]).padStart(10))].join(''));
  if (m.misses.length > 0) {
    lines.push('');
    lines.push(`misclassified (${m.misses.length})`);
    for (const x of m.misses) {
      lines.push(`  [${x.expectedIntent}/${x.expectedCategory ?? '-'} → ${x.gotIntent}/${x.gotCategory ?? '-'}] ${x.text}`);
    }
  }
  return lines.join('\n');
}

function defaultFiles(): string[] {
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../tests/chat');
  const preferred = ['devset.jsonl', 'blind.jsonl', 'blind2.jsonl', 'blind3.jsonl', 'blind4.jsonl', 'blind5.jsonl', 'blind6.jsonl', 'blind7.jsonl', 'blind8.jsonl', 'blind9.jsonl', 'blind10.jsonl', 'blind11.jsonl', 'blind12.jsonl', 'blind13.jsonl', 'blind14.jsonl', 'blind15.jsonl', 'blind16.jsonl', 'blind17.jsonl', 'blind18.jsonl', 'blind19.jsonl', 'blind20.jsonl', 'blind21.jsonl'].map((f) => join(dir, f));
  const others = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.jsonl'))
        .map((f) => join(dir, f))
        .filter((f) => !preferred.includes(f))
        .sort()
    : [];
  return [...preferred.filter((f) => existsSync(f)), ...others];
}

/** `eval.ts [--url http://host:port] [file.jsonl …]`: in-process by default, through a gateway's HTTP API with --url. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--url');
  const url = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && !url) throw new Error('--url needs a value, e.g. --url http://127.0.0.1:3000');
  const rest = at >= 0 ? [...args.slice(0, at), ...args.slice(at + 2)] : args;
  const files = rest.length > 0 ? rest : defaultFiles();
  const engine = url ? null : createChatEngine(loadSeedKb());
  let failed = false;
  for (const f of files) {
    const items = parseEvalFile(f);
    const m = engine ? evaluate(engine, items) : await evaluateHttp(url!, items);
    console.log(formatReport(basename(f), m));
    console.log('');
    if (m.emergencyRecall < 1 || m.outOfScopeFaqAnswers > 0) failed = true;
  }
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 2;
  });
}
