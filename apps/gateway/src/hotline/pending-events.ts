// Builds the pendingEvents entries a ticket change writes next to itself (see hotline/relay.ts).
// Hotline events exist only in webhook mode: in builtin mode Minhu itself is the back office.
import type { TicketStatus } from '@minhu/shared';
import type { Config } from '../config.js';
import { randomId } from '../lib/ids.js';

/** What the city's system hears: a new ticket, a rating, a withdrawal, an urge (催办), a 申请重办. */
export type HotlineEventType = 'ticket.created' | 'ticket.rated' | 'ticket.withdrawn' | 'ticket.urged' | 'ticket.reopen_requested';

export interface PendingEventEntry {
  eventId: string;
  queue: 'hotline' | 'notify';
  type: string;
  at: Date;
  data: Record<string, unknown>;
}

export function hotlineEvents(config: Config, type: HotlineEventType, at: Date, data: Record<string, unknown> = {}): PendingEventEntry[] {
  if (config.hotline.mode !== 'webhook') return [];
  return [{ eventId: `evt_${randomId(16)}`, queue: 'hotline', type, at, data }];
}

/** A notification to the citizen that their ticket entered `status`. */
export function citizenNotification(status: TicketStatus, at: Date, data: Record<string, unknown> = {}): PendingEventEntry {
  return { eventId: `ntf_${randomId(16)}`, queue: 'notify', type: `status.${status}`, at, data };
}
