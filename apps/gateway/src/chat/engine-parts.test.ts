// Why: an engine rebuilt from parts that crossed a thread (structured clone) must answer exactly as one built in
// place — same intent, category, entry, confidence and reply — or moving the rebuild off the event loop changed the bot.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChatEngine } from './engine.js';
import { buildEngineParts, encodeEntries, engineFromParts, learnedFromParts } from './engine-parts.js';
import { parseEvalFile } from './eval.js';
import { loadSeedKb } from './kb.js';

const DEVSET = join(import.meta.dirname, '../../../../tests/chat/devset.jsonl');

describe('engine parts', () => {
  it('reassembles an engine that answers like the one built in place', async () => {
    const kb = loadSeedKb();
    const inPlace = createChatEngine(kb);
    // What a worker thread sends back arrives by structured clone.
    const parts = structuredClone(buildEngineParts({ entries: await encodeEntries(kb), knownIndexKey: null, knownLearnedKey: null, learnIntent: true }));
    const rebuilt = await engineFromParts(kb, parts.index!, await learnedFromParts(parts.learned!));
    expect(rebuilt.size()).toBe(inPlace.size());
    const texts = parseEvalFile(DEVSET).map((item) => item.text);
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) expect(rebuilt.answer(text), text).toEqual(inPlace.answer(text));
    expect(rebuilt.search('社保卡').map((e) => e.id)).toEqual(inPlace.search('社保卡').map((e) => e.id));
  }, 120_000);

  it('re-indexes without retraining when only answers changed', async () => {
    const kb = loadSeedKb();
    const first = buildEngineParts({ entries: await encodeEntries(kb), knownIndexKey: null, knownLearnedKey: 'none', learnIntent: false });
    const parts = buildEngineParts({ entries: await encodeEntries(kb.map((e) => ({ ...e, answer: e.answer + '（已更新）' }))), knownIndexKey: first.indexKey, knownLearnedKey: first.learnedKey, learnIntent: false });
    expect(parts.learned).toBeNull();
    expect(parts.learnedKey).toBe(first.learnedKey);
    expect(parts.indexKey).not.toBe(first.indexKey);
    expect(parts.index!.terms.length).toBeGreaterThan(0);
    // Nothing changed at all: nothing is built.
    const same = buildEngineParts({ entries: await encodeEntries(kb), knownIndexKey: first.indexKey, knownLearnedKey: first.learnedKey, learnIntent: false });
    expect(same.index).toBeNull();
    expect(same.learned).toBeNull();
  }, 60_000);
});
