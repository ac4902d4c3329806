/** Admin management of the FAQ knowledge base (/api/admin/faq, role admin). */
import { z } from 'zod';
import { CategoryIdSchema } from '../categories.js';

const paraphrases = z.array(z.string().trim().min(1).max(300)).max(50);
/** Who answers an entry, shown to citizens (市人力资源和社会保障局, 供热企业 …). */
const department = z.string().trim().min(2, '请填写答复部门').max(40);

/** POST /api/admin/faq */
export const CreateFaqEntrySchema = z.strictObject({
  /** Category of the entry. */
  categoryId: CategoryIdSchema,
  /** The standard question. */
  question: z.string().trim().min(2).max(200),
  /** How citizens ask it. */
  paraphrases: paraphrases.default([]),
  /** The answer in plain Chinese. */
  answer: z.string().trim().min(2).max(3000),
  /** What the city should fill in (a description). */
  localDetails: z.string().trim().max(500).default(''),
  /** The city's own details (office, phone, link), appended to the answer. */
  localValue: z.string().trim().max(2000).nullable().default(null),
  /** Who answers it; omitted: the category's department from the seed files. */
  department: department.optional(),
});

/** PATCH /api/admin/faq/:id — any subset of the fields, plus `enabled`. */
export const UpdateFaqEntrySchema = z
  .strictObject({
    categoryId: CategoryIdSchema,
    question: z.string().trim().min(2).max(200),
    paraphrases,
    answer: z.string().trim().min(2).max(3000),
    localDetails: z.string().trim().max(500),
    localValue: z.string().trim().max(2000).nullable(),
    /** Who answers it (shown to citizens as 来源). */
    department,
    /** false disables the entry (never answered, never listed to citizens). */
    enabled: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, '至少修改一个字段');

/** GET /api/admin/faq query. */
export const AdminFaqQuerySchema = z.strictObject({
  /** Only this category. */
  categoryId: CategoryIdSchema.optional(),
  /** Include disabled entries (default true). */
  includeDisabled: z.enum(['true', 'false']).transform((v) => v === 'true').default(true),
  /** Only entries whose question, paraphrases, answer or department contain these words (all of them, case-insensitive). */
  q: z.string().trim().min(1).max(100).optional(),
});

/** An entry as admins see it (GET/POST/PATCH /api/admin/faq). */
export const AdminFaqEntrySchema = z.object({
  /** Stable id. */
  id: z.string(),
  /** Category. */
  categoryId: CategoryIdSchema,
  /** The standard question. */
  question: z.string(),
  /** How citizens ask it. */
  paraphrases: z.array(z.string()),
  /** The answer, without the local details. */
  answer: z.string(),
  /** What the city should fill in. */
  localDetails: z.string(),
  /** The city's own details, or null. */
  localValue: z.string().nullable(),
  /** Who answers it (shown to citizens with the last change as 来源). */
  department: z.string(),
  /** Answered and listed to citizens. */
  enabled: z.boolean(),
  /** `seed` (follows the seed files) or `admin` (edited here). */
  source: z.enum(['seed', 'admin']),
  /** Last change (ISO 8601), or null; citizens see it as 更新于. */
  updatedAt: z.string().nullable(),
});
export type AdminFaqEntry = z.infer<typeof AdminFaqEntrySchema>;
