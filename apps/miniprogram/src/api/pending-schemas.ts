// Answer shapes of the FAQ browse endpoints, which packages/shared does not export yet.
// Built from the shared FaqEntrySchema and CategoryIdSchema; replace with the shared exports once they land.
import { CategoryIdSchema, FaqEntrySchema } from '@minhu/shared';
import { z } from 'zod';

/** GET /api/faq/categories → the 18 categories in order with entry counts (as apps/gateway/src/routes/faq answers). */
export const FaqCategoriesResponseSchema = z.object({
  categories: z.array(
    z.looseObject({
      id: CategoryIdSchema,
      name: z.string(),
      count: z.number().int().nonnegative(),
    }),
  ),
});
export type FaqCategorySummary = z.infer<typeof FaqCategoriesResponseSchema>['categories'][number];

/** GET /api/faq?categoryId&q → matching entries. */
export const FaqListResponseSchema = z.object({ items: z.array(FaqEntrySchema) });
