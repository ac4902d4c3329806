// Files the draft exactly once: a double tap shares one request, every retry reuses the draft's
// Idempotency-Key, and only a confirmed ticket starts a fresh draft with a new key.
import type { CreateTicket, TicketDetail } from '@minhu/shared';
import { clearDraft, emptyDraft, type ReportDraft } from './draft';
import type { KeyValueStore } from '../lib/storage';
import { validateDraft, type ValidationResult } from './validate';

export type SubmitOutcome =
  /** `filed` is the draft that became the ticket (its kept files can go); `next` starts afresh. */
  | { ok: true; ticket: TicketDetail; filed: ReportDraft; next: ReportDraft }
  | { ok: false; reason: 'invalid'; validation: Extract<ValidationResult, { ok: false }> }
  | { ok: false; reason: 'failed'; error: unknown };

export interface SubmitterDeps {
  createTicket: (input: CreateTicket, idempotencyKey: string) => Promise<{ ticket: TicketDetail }>;
  store: KeyValueStore;
  now?: () => number;
  makeKey?: (now: number) => string;
}

export function createSubmitter(deps: SubmitterDeps) {
  const inFlight = new Map<string, Promise<SubmitOutcome>>();

  async function send(draft: ReportDraft, input: CreateTicket): Promise<SubmitOutcome> {
    try {
      const { ticket } = await deps.createTicket(input, draft.idempotencyKey);
      clearDraft(deps.store);
      return { ok: true, ticket, filed: draft, next: emptyDraft(deps.now?.() ?? Date.now(), deps.makeKey) };
    } catch (error) {
      // The key stays with the draft: the next try may find the ticket this one already filed.
      return { ok: false, reason: 'failed', error };
    }
  }

  return {
    submit(draft: ReportDraft): Promise<SubmitOutcome> {
      const running = inFlight.get(draft.idempotencyKey);
      if (running) return running;
      const validation = validateDraft(draft);
      if (!validation.ok) return Promise.resolve({ ok: false, reason: 'invalid', validation });
      const p = send(draft, validation.value).finally(() => inFlight.delete(draft.idempotencyKey));
      inFlight.set(draft.idempotencyKey, p);
      return p;
    },
    isSubmitting: (draft: ReportDraft) => inFlight.has(draft.idempotencyKey),
  };
}
