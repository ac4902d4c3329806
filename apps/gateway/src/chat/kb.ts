// Why: the seed knowledge base lives as one JSON file per category; this validates it and turns it into the engine's entries.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CategoryIdSchema, type CategoryId } from '@minhu/shared';
import { z } from 'zod';

/** A government body or public service that answers an entry (市人力资源和社会保障局, 供热企业 …). */
export const KbDepartmentSchema = z.string().trim().min(2).max(40);

/** One FAQ entry as written in kb/<categoryId>.json. */
export const KbFileEntrySchema = z.object({
  /** Stable id, e.g. `household-id-01`. */
  id: z.string().trim().min(1).max(80),
  /** The standard question. */
  question: z.string().trim().min(2).max(200),
  /** Who answers this entry, when not the file's `department` (an electricity question among utilities). */
  department: KbDepartmentSchema.optional(),
  /** How citizens really ask it (colloquial, typos, dialect, English). */
  paraphrases: z.array(z.string().trim().min(1).max(300)).default([]),
  /** Jurisdiction-neutral answer in plain Chinese. */
  answer: z.string().trim().min(2).max(3000),
  /** What a city fills in (office names, phone numbers, links): a description, never invented data. */
  localDetails: z.string().trim().max(500).default(''),
});

/** One kb/<categoryId>.json file. */
export const KbFileSchema = z.object({
  categoryId: CategoryIdSchema,
  /** The department that answers the category's entries unless an entry names its own. */
  department: KbDepartmentSchema,
  entries: z.array(KbFileEntrySchema),
});

/** An entry as the engine uses it. */
export const KbEntrySchema = KbFileEntrySchema.extend({
  categoryId: CategoryIdSchema,
  department: KbDepartmentSchema,
  /** Last change (ISO 8601); null for entries not read from the database (the seed files in-process). */
  updatedAt: z.string().nullable().default(null),
  /** The city's own details (office, phone, link); null in the seed. Appended to the reply when set. */
  localValue: z.string().trim().max(2000).nullable().default(null),
  /** Disabled entries are never answered. */
  enabled: z.boolean().default(true),
});

export interface KbEntry {
  id: string;
  categoryId: CategoryId;
  question: string;
  paraphrases: string[];
  answer: string;
  localDetails: string;
  localValue: string | null;
  enabled: boolean;
  /** Who answers it (provenance shown to citizens); never read by the engine's layers, so an edit retrains nothing. */
  department: string;
  /** Last change (ISO 8601), shown to citizens; null for entries not read from the database (the seed files in-process). */
  updatedAt: string | null;
}

export const DEFAULT_KB_DIR = join(dirname(fileURLToPath(import.meta.url)), 'kb');

export class KbLoadError extends Error {
  override name = 'KbLoadError';
}

/** Read and validate every kb/*.json; throws KbLoadError naming the file and field on bad data or duplicate ids. */
export function loadSeedKb(dir: string = DEFAULT_KB_DIR): KbEntry[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const entries: KbEntry[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (err) {
      throw new KbLoadError(`${file}: not valid JSON (${(err as Error).message})`);
    }
    const parsed = KbFileSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new KbLoadError(`${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
    }
    const expected = file.replace(/\.json$/, '');
    if (parsed.data.categoryId !== expected) {
      throw new KbLoadError(`${file}: categoryId is "${parsed.data.categoryId}", expected "${expected}"`);
    }
    for (const e of parsed.data.entries) {
      const other = seen.get(e.id);
      if (other !== undefined) throw new KbLoadError(`${file}: duplicate entry id "${e.id}" (also in ${other})`);
      seen.set(e.id, file);
      entries.push({ ...e, categoryId: parsed.data.categoryId, department: e.department ?? parsed.data.department, localValue: null, enabled: true, updatedAt: null });
    }
  }
  return entries;
}

let seedDepartments: Map<CategoryId, string> | null = null;

/**
 * The department answering a category as the seed files name it: what an entry without one of its own shows
 * (an entry created or edited before entries had departments).
 */
export function categoryDepartment(categoryId: CategoryId): string {
  if (!seedDepartments) {
    seedDepartments = new Map();
    for (const file of readdirSync(DEFAULT_KB_DIR).filter((f) => f.endsWith('.json'))) {
      const parsed = KbFileSchema.pick({ categoryId: true, department: true }).safeParse(JSON.parse(readFileSync(join(DEFAULT_KB_DIR, file), 'utf8')));
      if (parsed.success) seedDepartments.set(parsed.data.categoryId, parsed.data.department);
    }
  }
  return seedDepartments.get(categoryId) ?? '12345热线';
}

/** Validate entries coming from elsewhere (the admin API, MongoDB) into engine entries. */
export function parseKbEntries(input: unknown): KbEntry[] {
  return z.array(KbEntrySchema).parse(input);
}
