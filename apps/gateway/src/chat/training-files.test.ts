// The training examples live in folders by what they hold (training/README.md); the loader reads them all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, CHAT_INTENTS } from '@minhu/shared';
import { describe, expect, it } from 'vitest';
import { readTrainingItems, TRAINING_DIR, trainingFiles } from './ngram-features.js';

describe('training files', () => {
  const files = trainingFiles();

  it('are read from the five folders, recursively, in a stable order', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(f.split('/')[0], f).toMatch(/^(intent|category|danger|look-alikes|English)$/);
    expect([...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(files);
    expect(readTrainingItems()).toHaveLength(files.reduce((n, f) => n + readFileSync(join(TRAINING_DIR, f), 'utf8').split('\n').filter((l) => l.trim()).length, 0));
  });

  it('hold one {text, intent, categoryId?} per line, with known labels, emergencies only under danger/ and English/', () => {
    const categories = new Set<string>(CATEGORIES.map((c) => c.id));
    for (const f of files) {
      for (const line of readFileSync(join(TRAINING_DIR, f), 'utf8').split('\n').filter((l) => l.trim())) {
        const item = JSON.parse(line) as { text: unknown; intent: unknown; categoryId?: unknown };
        expect(typeof item.text, line).toBe('string');
        expect(CHAT_INTENTS as readonly unknown[], line).toContain(item.intent);
        if (item.categoryId != null) expect(categories.has(item.categoryId as string), line).toBe(true);
        if (item.intent === 'emergency') expect(f, line).toMatch(/^(danger|English)\//);
        else expect(f, line).not.toMatch(/^danger\//);
      }
    }
  });

  it('share no line with an evaluation set (tests/chat and its subfolders)', () => {
    const evalDir = join(TRAINING_DIR, '../../../../../tests/chat');
    const evalTexts = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.endsWith('.jsonl'))
          for (const line of readFileSync(join(dir, entry.name), 'utf8').split('\n')) if (line.trim()) evalTexts.add((JSON.parse(line) as { text: string }).text.trim());
      }
    };
    walk(evalDir);
    expect(evalTexts.size).toBeGreaterThan(3000);
    expect(readTrainingItems().filter((item) => evalTexts.has(item.text.trim())).map((item) => item.text)).toEqual([]);
  });
});
