// Tells a citizen that their ticket changed: a WeChat subscribe message for mini-program citizens
// (co-wechat-api sendSubscribeMessage), otherwise an SMS. Failures are retried from the
// notifications queue and never touch the ticket.
import { TICKET_STATUS_LABELS, type TicketStatus } from '@minhu/shared';
import type { Deps } from '../deps.js';
import type { DeliveryOutcome } from '../lib/queue.js';
import type { QueueItemDoc } from '../models/queue-item.js';
import type { TicketDoc } from '../models/ticket.js';

/** WeChat: the user has not granted (or used up) the subscription for this template. */
const NOT_SUBSCRIBED = new Set([43101, 43107]);

function chinaTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A short note for the message: WeChat's `thing` fields take at most 20 characters. */
function noteFor(status: TicketStatus, data: Record<string, unknown>): string {
  const text =
    status === 'dispatched' && data.department ? `已转${data.department}办理` :
    status === 'replied' ? '承办单位已答复，请查看' :
    status === 'callback' ? '请对办理结果进行评价' :
    status === 'rejected' ? `原因：${String(data.reason ?? '不属于受理范围')}` :
    status === 'reopened' ? '已重新办理' :
    status === 'closed' ? '工单已办结，感谢您的反映' :
    '您的诉求已受理';
  return text.length > 20 ? `${text.slice(0, 19)}…` : text;
}

export async function deliverNotification(deps: Deps, item: QueueItemDoc): Promise<DeliveryOutcome> {
  const ticket = await deps.models.Ticket.findById(item.ticketId, { number: 1, citizenId: 1, channel: 1, contactPhone: 1 }).lean<TicketDoc>();
  if (!ticket) return { skip: 'ticket no longer exists' };
  const citizen = await deps.models.Citizen.findById(ticket.citizenId).lean<{ phone?: string; wechatOpenId?: string }>();
  if (!citizen) return { skip: 'citizen no longer exists' };
  const status = item.type.replace(/^status\./, '') as TicketStatus;
  const label = TICKET_STATUS_LABELS[status] ?? status;
  const note = noteFor(status, item.data ?? {});

  const template = deps.config.notify.templateStatus;
  if (citizen.wechatOpenId && deps.wechat.api && template) {
    try {
      await deps.wechat.api.sendSubscribeMessage(citizen.wechatOpenId, template, `pages/ticket-detail/index?id=${ticket._id.toString()}`, {
        character_string1: { value: ticket.number },
        phrase2: { value: label },
        time3: { value: chinaTime(new Date(item.at)) },
        thing4: { value: note },
      });
      return { ok: true };
    } catch (err) {
      const code = (err as { code?: number }).code;
      if (!(typeof code === 'number' && NOT_SUBSCRIBED.has(code))) {
        return { ok: false, error: `wechat: ${(err as Error).message}` };
      }
      // Not subscribed: fall through to SMS when we have a number.
    }
  }
  // The callback number the citizen gave on the ticket, else their login phone.
  const phone = ticket.contactPhone ?? citizen.phone;
  if (phone) {
    await deps.sms.send({ to: phone, text: `【民呼】您的工单 ${ticket.number} ${label}：${note}。可在“民呼”查看详情。` });
    return { ok: true };
  }
  return { skip: 'no channel: not subscribed and no phone' };
}
