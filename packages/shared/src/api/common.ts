/** Shapes every endpoint shares: the error body and cursor pagination. */
import { z } from 'zod';

/** The one error body every 4xx/5xx answer carries. */
export const ErrorBodySchema = z.object({
  error: z.object({
    /** Stable machine-readable code, e.g. `validation_failed`, `not_found`. */
    code: z.string(),
    /** Human-readable message in Simplified Chinese. */
    message: z.string(),
    /** Optional structured details, e.g. the failing fields. */
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** Query of every cursor-paginated list. */
export const PageQuerySchema = z.strictObject({
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().min(1).max(200).optional(),
  /** Page size, 1–50 (default 20). */
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    /** The items of this page. */
    items: z.array(item),
    /** Cursor for the next page, or null on the last page. */
    nextCursor: z.string().nullable(),
  });
}

/** A mainland China mobile number: 11 digits starting 13–19. */
export const MainlandPhoneSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, '请输入有效的中国大陆手机号');
