// Every endpoint the app calls, typed by the shared request/response schemas.
import {
  ChatFeedbackSchema,
  ChatMessageResponseSchema,
  LoginResponseSchema,
  TicketPageSchema,
  TicketResponseSchema,
  UploadTicketSchema,
  type ChatFeedback,
  type ChatMessageRequest,
  type CreateTicket,
  type CreateUpload,
  type OtpVerify,
  type RateTicket,
  type TicketDetail,
  type WithdrawTicket,
} from '@minhu/shared';
import { z } from 'zod';
import { createApiClient, type ApiClient } from './client';
import { FaqCategoriesResponseSchema, FaqListResponseSchema } from './pending-schemas';
import { session } from './session';

export function createMinhuApi(client: ApiClient) {
  const { call } = client;

  /** Rating and withdrawal answers are used when they carry the ticket; otherwise the ticket is re-read. */
  async function ticketAfter(id: string, body: unknown): Promise<TicketDetail> {
    const parsed = TicketResponseSchema.safeParse(body);
    if (parsed.success) return parsed.data.ticket;
    return (await call({ path: `/api/tickets/${encodeURIComponent(id)}`, schema: TicketResponseSchema })).ticket;
  }

  return {
    auth: {
      requestOtp: (phone: string) => call({ method: 'POST', path: '/api/auth/otp/request', body: { phone }, schema: null, auth: false }),
      verifyOtp: (input: OtpVerify) => call({ method: 'POST', path: '/api/auth/otp/verify', body: input, schema: LoginResponseSchema, auth: false }),
      wechat: (code: string) => call({ method: 'POST', path: '/api/auth/wechat', body: { code }, schema: LoginResponseSchema, auth: false }),
    },
    chat: {
      send: (input: ChatMessageRequest) =>
        call({ method: 'POST', path: '/api/chat/messages', body: input, schema: ChatMessageResponseSchema, retries: 0 }),
      feedback: (input: ChatFeedback) =>
        call({ method: 'POST', path: '/api/chat/feedback', body: ChatFeedbackSchema.parse(input), schema: z.unknown() }),
    },
    faq: {
      categories: () => call({ path: '/api/faq/categories', schema: FaqCategoriesResponseSchema }),
      list: (query: { categoryId?: string; q?: string }) => call({ path: '/api/faq', query, schema: FaqListResponseSchema }),
    },
    uploads: {
      create: (input: CreateUpload) => call({ method: 'POST', path: '/api/uploads', body: input, schema: UploadTicketSchema, retries: 1 }),
    },
    tickets: {
      /** Safe to repeat with the same key: the gateway answers the first ticket again (200). */
      create: (input: CreateTicket, idempotencyKey: string) =>
        call({
          method: 'POST',
          path: '/api/tickets',
          body: input,
          headers: { 'Idempotency-Key': idempotencyKey },
          schema: TicketResponseSchema,
          retries: 1,
        }),
      list: (cursor?: string, limit = 20) => call({ path: '/api/tickets', query: { cursor, limit }, schema: TicketPageSchema }),
      get: (id: string) => call({ path: `/api/tickets/${encodeURIComponent(id)}`, schema: TicketResponseSchema }),
      rate: async (id: string, input: RateTicket) =>
        ticketAfter(id, await call({ method: 'POST', path: `/api/tickets/${encodeURIComponent(id)}/rating`, body: input, schema: z.unknown() })),
      withdraw: async (id: string, input: WithdrawTicket) =>
        ticketAfter(id, await call({ method: 'POST', path: `/api/tickets/${encodeURIComponent(id)}/withdraw`, body: input, schema: z.unknown() })),
    },
    session,
  };
}

export type MinhuApi = ReturnType<typeof createMinhuApi>;

/** The app's client. */
export const api = createMinhuApi(createApiClient());
