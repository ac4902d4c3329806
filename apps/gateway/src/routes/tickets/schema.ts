// Request parts of the ticket routes that are transport details rather than API body contract.
import { z } from 'zod';

/** Idempotency-Key header: one per draft, reused on every retry of that draft. */
export const IdempotencyKeySchema = z
  .string({ error: '缺少 Idempotency-Key 请求头' })
  .regex(/^[A-Za-z0-9_.:-]{8,100}$/, 'Idempotency-Key 须为 8–100 位字母、数字或 _.:-');
