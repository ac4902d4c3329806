// Tells a citizen that their ticket changed: a WeChat subscribe message while the citizen has a
// one-time grant left for the template, otherwise an SMS to the ticket's callback number.
// Failures are retried from the notifications queue and never touch the ticket.
import { TICKET_STATUS_LABELS, type TicketStatus } from '@minhu/shared';
import { clearSubscriptionGrants, refundSubscriptionGrant, spendSubscriptionGrant } from '../commands/subscription-grants.js';
import type { Deps } from '../deps.js';
import type { DeliveryOutcome } from '../lib/queue.js';
import { SmsSendError } from '../lib/sms.js';
import type { QueueItemDoc } from '../models/queue-item.js';
import type { TicketDoc } from '../models/ticket.js';
import { ticketNotificationPage } from './pages.js';
import { characterString, phrase, thing, time } from './subscribe-fields.js';

/** WeChat: the user has not granted (or has used up) the subscription for this template. */
const NOT_SUBSCRIBED = new Set([43101, 43107]);

/** A short note for the message (the `thing` field cuts it to 20 characters). */
function noteFor(status: TicketStatus, data: Record<string, unknown>): string {
  return status === 'dispatched' && data.department ? `已转${data.department}办理` :
    status === 'replied' ? '承办单位已答复，请查看' :
    status === 'callback' ? '请对办理结果进行评价' :
    status === 'rejected' ? `原因：${String(data.reason ?? '不属于受理范围')}` :
    status === 'reopened' ? '已重新办理' :
    status === 'closed' ? '工单已办结，感谢您的反映' :
    '您的诉求已受理';
}

type WechatOutcome = 'sent' | 'no_grant' | { error: string };

async function sendSubscribeMessage(deps: Deps, citizen: { _id: unknown; wechatOpenId: string }, ticket: TicketDoc, item: QueueItemDoc, template: string): Promise<WechatOutcome> {
  if (!(await spendSubscriptionGrant(deps, citizen._id, template))) return 'no_grant';
  const status = item.type.replace(/^status\./, '') as TicketStatus;
  try {
    await deps.wechat.api!.sendSubscribeMessage(citizen.wechatOpenId, template, ticketNotificationPage(ticket._id.toString()), {
      character_string1: { value: characterString(ticket.number) },
      phrase2: { value: phrase(TICKET_STATUS_LABELS[status] ?? '状态更新') },
      time3: { value: time(new Date(item.at)) },
      thing4: { value: thing(noteFor(status, item.data ?? {})) },
    });
    return 'sent';
  } catch (err) {
    const code = (err as { code?: number }).code;
    if (typeof code === 'number' && NOT_SUBSCRIBED.has(code)) {
      await clearSubscriptionGrants(deps, citizen._id, template);
      return 'no_grant';
    }
    await refundSubscriptionGrant(deps, citizen._id, template);
    return { error: `wechat: ${(err as Error).message}` };
  }
}

export async function deliverNotification(deps: Deps, item: QueueItemDoc): Promise<DeliveryOutcome> {
  const ticket = await deps.models.Ticket.findById(item.ticketId, { number: 1, citizenId: 1, channel: 1, contactPhone: 1 }).lean<TicketDoc>();
  if (!ticket) return { skip: 'ticket no longer exists' };
  const citizen = await deps.models.Citizen.findById(ticket.citizenId).lean<{ _id: unknown; phone?: string; wechatOpenId?: string }>();
  if (!citizen) return { skip: 'citizen no longer exists' };

  const template = deps.config.notify.templateStatus;
  if (citizen.wechatOpenId && deps.wechat.api && template) {
    const outcome = await sendSubscribeMessage(deps, { _id: citizen._id, wechatOpenId: citizen.wechatOpenId }, ticket, item, template);
    if (outcome === 'sent') return { ok: true };
    if (outcome !== 'no_grant') return { ok: false, error: outcome.error };
  }
  // No grant left (or an H5 citizen): the callback number the citizen gave on the ticket, else their verified phone.
  const phone = ticket.contactPhone ?? citizen.phone;
  if (phone) {
    const status = item.type.replace(/^status\./, '') as TicketStatus;
    const label = TICKET_STATUS_LABELS[status] ?? status;
    const note = noteFor(status, item.data ?? {});
    try {
      await deps.sms.send({
        kind: 'status',
        to: phone,
        params: { number: ticket.number, status: label, note: thing(note) },
        text: `【民呼】您的工单 ${ticket.number} ${label}：${note}。可在“民呼”查看详情。`,
      });
    } catch (err) {
      if (err instanceof SmsSendError && err.code === 'not_configured') return { skip: err.message };
      return { ok: false, error: `sms: ${err instanceof SmsSendError ? `${err.code} ${err.message}` : (err as Error).message}` };
    }
    return { ok: true };
  }
  return { skip: 'no channel: no subscribe grant and no phone' };
}
