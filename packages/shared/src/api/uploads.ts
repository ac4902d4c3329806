/** Presigned POST uploads straight to object storage (bytes never pass through the gateway). */
import { z } from 'zod';
import { MEDIA_LIMITS } from '../tickets.js';

const imageTypes = MEDIA_LIMITS.image.contentTypes;
const videoTypes = MEDIA_LIMITS.video.contentTypes;

/** POST /api/uploads */
export const CreateUploadSchema = z
  .strictObject({
    /** What is uploaded: a photo or a video. */
    kind: z.enum(['image', 'video']),
    /** MIME type of the file; must fit the kind (jpeg/png/webp/heic, or mp4/quicktime). */
    contentType: z.string().min(1).max(100),
    /** Exact size in bytes; storage refuses a file larger than this. */
    size: z.number().int().positive(),
    /** Original file name, for display only. */
    filename: z.string().trim().min(1).max(200).optional(),
  })
  .superRefine((v, ctx) => {
    const limits = MEDIA_LIMITS[v.kind];
    if (!(limits.contentTypes as readonly string[]).includes(v.contentType)) {
      ctx.addIssue({
        code: 'custom',
        path: ['contentType'],
        message: `${v.kind === 'image' ? '图片' : '视频'}仅支持 ${(v.kind === 'image' ? imageTypes : videoTypes).join('、')}`,
      });
    }
    if (v.size > limits.maxBytes) {
      ctx.addIssue({
        code: 'custom',
        path: ['size'],
        message: `${v.kind === 'image' ? '图片' : '视频'}不能超过 ${limits.maxBytes / 1024 / 1024} MB`,
      });
    }
  });
export type CreateUpload = z.infer<typeof CreateUploadSchema>;

/** Answer of POST /api/uploads: post `fields` then the file (as `fileField`) to `url`. */
export const UploadTicketSchema = z.object({
  /** Id to list in a ticket's `media`. */
  uploadId: z.string(),
  /** Where to POST the multipart form. */
  url: z.string(),
  /** Always POST (a presigned POST policy). */
  method: z.literal('POST'),
  /** Form fields to send before the file, exactly as given. */
  fields: z.record(z.string(), z.string()),
  /** Name of the form field that carries the file. */
  fileField: z.literal('file'),
  /** When the policy expires (ISO 8601). */
  expiresAt: z.string(),
});
export type UploadTicket = z.infer<typeof UploadTicketSchema>;
