// Webhook mode: delivers one outbox event to HOTLINE_WEBHOOK_URL, signed; any 2xx is delivered.
import type { Deps } from '../deps.js';
import type { DeliveryOutcome } from '../lib/queue.js';
import type { QueueItemDoc } from '../models/queue-item.js';
import type { TicketDoc } from '../models/ticket.js';
import { presentTicketForHotline } from '../presenters/hotline-ticket.js';
import { sign } from './signature.js';

export async function buildHotlineEventBody(deps: Deps, item: QueueItemDoc): Promise<string | null> {
  const ticket = await deps.models.Ticket.findById(item.ticketId).lean<TicketDoc>();
  if (!ticket) return null;
  const created = item.type === 'ticket.created';
  // A hint for the hotline's dispatcher, when the model is at hand (a delivery does not wait long for it).
  const hint = created && (await deps.dispatch.readyWithin(2_000)) ? { suggestedDepartments: deps.dispatch.suggest(ticket) } : {};
  return JSON.stringify({
    eventId: item._id,
    type: item.type,
    at: new Date(item.at).toISOString(),
    ticket: { ...(await presentTicketForHotline(deps, ticket)), ...hint },
    ...(item.data && Object.keys(item.data).length ? { data: item.data } : {}),
  });
}

export async function deliverHotlineEvent(deps: Deps, item: QueueItemDoc): Promise<DeliveryOutcome> {
  const { webhookUrl, secret, timeoutMs } = deps.config.hotline;
  if (!webhookUrl || !secret) return { ok: false, error: 'webhook mode is not configured' };
  const body = await buildHotlineEventBody(deps, item);
  if (body === null) return { skip: 'ticket no longer exists' };
  const timestamp = Math.floor(deps.now().getTime() / 1000);
  try {
    const res = await fetch(webhookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-minhu-event-id': item._id,
        'x-minhu-timestamp': String(timestamp),
        'x-minhu-signature': sign(secret, 'minhu-to-hotline', timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ok: true };
    return { ok: false, error: `HTTP ${res.status}` };
  } catch (err) {
    return { ok: false, error: (err as Error).name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : (err as Error).message };
  }
}
