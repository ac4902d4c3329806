// Why: measures the engine on labelled sets (intent accuracy, category top-1, emergency recall, out-of-scope precision); `npx tsx apps/gateway/src/chat/eval.ts [file.jsonl …]`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHAT_INTENTS, CategoryIdSchema, ChatIntentSchema, type ChatIntent } from '@minhu/shared';
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

function namesNumber(a: ChatAnswer): boolean {
  const numbers = a.reply.emergencyNumbers ?? [];
  return numbers.length > 0 && numbers.every((n) => a.reply.text.includes(n));
}

/** Run every item as the first message of its own conversation. */
export function evaluate(engine: ChatEngine, items: EvalItem[]): EvalMetrics {
  const confusion = Object.fromEntries(CHAT_INTENTS.map((e) => [e, Object.fromEntries(CHAT_INTENTS.map((g) => [g, 0]))])) as EvalMetrics['confusion'];
  let intentOk = 0;
  let catOk = 0;
  let catN = 0;
  let emOk = 0;
  let emN = 0;
  let oosPredicted = 0;
  let oosPredictedOk = 0;
  let oosFaq = 0;
  let falseEm = 0;
  const misses: EvalMiss[] = [];
  for (const item of items) {
    const a = engine.answer(item.text);
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
    if (item.intent === 'out_of_scope' && (a.faqId !== undefined || a.intent === 'consult')) oosFaq++;
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
  lines.push(`out-of-scope precision ${pct(m.outOfScopePrecision)}  (out-of-scope answered with an FAQ: ${m.outOfScopeFaqAnswers})`);
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
  const preferred = ['devset.jsonl', 'blind.jsonl', 'blind2.jsonl', 'blind3.jsonl', 'blind4.jsonl', 'blind5.jsonl', 'blind6.jsonl', 'blind7.jsonl', 'blind8.jsonl', 'blind9.jsonl', 'blind10.jsonl', 'blind11.jsonl', 'blind12.jsonl', 'blind13.jsonl'].map((f) => join(dir, f));
  const others = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.jsonl'))
        .map((f) => join(dir, f))
        .filter((f) => !preferred.includes(f))
        .sort()
    : [];
  return [...preferred.filter((f) => existsSync(f)), ...others];
}

function main(): void {
  const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : defaultFiles();
  const engine = createChatEngine(loadSeedKb());
  let failed = false;
  for (const f of files) {
    const m = evaluate(engine, parseEvalFile(f));
    console.log(formatReport(basename(f), m));
    console.log('');
    if (m.emergencyRecall < 1 || m.outOfScopeFaqAnswers > 0) failed = true;
  }
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
