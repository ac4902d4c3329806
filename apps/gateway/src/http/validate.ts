// Parses client input with a zod schema; any failure becomes a 400 and nothing runs after it.
import type { z } from 'zod';
import { validationError } from './errors.js';

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}
