// Every endpoint the app calls, typed and checked by the shared request/response schemas.
import {
  ChatFeedbackResponseSchema,
  ChatFeedbackSchema,
  ChatMessageResponseSchema,
  FaqCategoriesResponseSchema,
  FaqEntryResponseSchema,
  FaqListResponseSchema,
  LoginResponseSchema,
  MeResponseSchema,
  NearbyIncidentsResponseSchema,
  TicketPageSchema,
  TicketResponseSchema,
  UploadTicketSchema,
  type BindPhone,
  type ChatFeedback,
  type ChatMessageRequest,
  type CreateTicket,
  type CreateUpload,
  type OtpVerify,
  type RateTicket,
  type ReopenRequest,
  type WithdrawTicket,
} from '@minhu/shared';
import { createApiClient, type ApiClient } from './client';
import { session } from './session';

export function createMinhuApi(client: ApiClient) {
  const { call } = client;
  const ticketPath = (id: string, action = '') => `/api/tickets/${encodeURIComponent(id)}${action}`;
  /** A change of one ticket: the answer is the ticket as it now stands. */
  const ticketAction = async (id: string, action: string, body: unknown = {}) =>
    (await call({ method: 'POST', path: ticketPath(id, action), body, schema: TicketResponseSchema })).ticket;

  return {
    auth: {
      requestOtp: (phone: string) => call({ method: 'POST', path: '/api/auth/otp/request', body: { phone }, schema: null, auth: false }),
      verifyOtp: (input: OtpVerify) => call({ method: 'POST', path: '/api/auth/otp/verify', body: input, schema: LoginResponseSchema, auth: false }),
      wechat: (code: string) => call({ method: 'POST', path: '/api/auth/wechat', body: { code }, schema: LoginResponseSchema, auth: false }),
      /** Ends every session of the signed-in citizen on the server. */
      logout: () => call({ method: 'POST', path: '/api/auth/logout', body: {}, schema: null }),
      /** 手机号快速验证: the getPhoneNumber code of the signed-in mini-program citizen. */
      wechatPhone: (code: string) => call({ method: 'POST', path: '/api/auth/wechat/phone', body: { code }, schema: LoginResponseSchema }),
    },
    me: {
      get: () => call({ path: '/api/me', schema: MeResponseSchema }),
      /** Verifies a callback number by SMS code for the signed-in citizen. */
      bindPhone: (input: BindPhone) => call({ method: 'POST', path: '/api/me/phone', body: input, schema: LoginResponseSchema }),
      /** Reports the subscribe-message templates the citizen just accepted (one grant each). */
      reportSubscriptions: (templateIds: string[]) =>
        call({ method: 'POST', path: '/api/me/wechat-subscriptions', body: { templateIds }, schema: MeResponseSchema, retries: 1 }),
    },
    chat: {
      send: (input: ChatMessageRequest) =>
        call({ method: 'POST', path: '/api/chat/messages', body: input, schema: ChatMessageResponseSchema, retries: 0 }),
      feedback: (input: ChatFeedback) => call({ method: 'POST', path: '/api/chat/feedback', body: ChatFeedbackSchema.parse(input), schema: ChatFeedbackResponseSchema }),
    },
    faq: {
      categories: () => call({ path: '/api/faq/categories', schema: FaqCategoriesResponseSchema }),
      list: (query: { categoryId?: string; q?: string }) => call({ path: '/api/faq', query, schema: FaqListResponseSchema }),
      entry: async (id: string) => (await call({ path: `/api/faq/${encodeURIComponent(id)}`, schema: FaqEntryResponseSchema })).entry,
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
      get: (id: string) => call({ path: ticketPath(id), schema: TicketResponseSchema }),
      rate: (id: string, input: RateTicket) => ticketAction(id, '/rating', input),
      withdraw: (id: string, input: WithdrawTicket) => ticketAction(id, '/withdraw', input),
      urge: (id: string) => ticketAction(id, '/urge'),
      requestReopen: (id: string, input: ReopenRequest) => ticketAction(id, '/reopen-request', input),
    },
    incidents: {
      /** Open incidents of the category near the place chosen, to join (附议) instead of filing alone. */
      nearby: (query: { lat: number; lng: number; coordSystem: 'gcj02' | 'wgs84'; categoryId?: string }) =>
        call({ path: '/api/incidents/nearby', query, schema: NearbyIncidentsResponseSchema }),
    },
    session,
  };
}

export type MinhuApi = ReturnType<typeof createMinhuApi>;

/** The app's client. */
export const api = createMinhuApi(createApiClient());
