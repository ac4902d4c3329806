// Which tickets may be one incident: the same category, an incident still open, a ticket still worked.
// Read by the operator's attach, the citizen's 附议 and automatic joining alike.
import { isFinalStatus, type TicketStatus } from '@minhu/shared';
import type { IncidentDoc } from '../models/incident.js';
import type { TicketDoc } from '../models/ticket.js';
import type { Blocker } from './ticket.js';

export function joinBlocker(ticket: Pick<TicketDoc, 'status' | 'categoryId'>, incident: Pick<IncidentDoc, 'status' | 'categoryId'>): Blocker | null {
  if (incident.status !== 'open') return { code: 'incident_closed', message: '该事件已办结，不能再关联工单' };
  if ((incident.categoryId ?? null) !== (ticket.categoryId ?? null)) return { code: 'incident_other_category', message: '只能关联同一类别的事件' };
  if (isFinalStatus(ticket.status as TicketStatus)) return { code: 'ticket_final', message: '工单已结束，不能关联事件' };
  return null;
}
