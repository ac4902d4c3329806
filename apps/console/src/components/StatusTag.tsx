// A ticket's status as a coloured tag; the label comes from the shared table.
import { TICKET_STATUS_LABELS, type TicketStatus } from '@minhu/shared';
import { Tag } from 'antd';

const COLORS: Record<TicketStatus, string> = {
  submitted: 'gold',
  accepted: 'blue',
  dispatched: 'geekblue',
  replied: 'cyan',
  callback: 'purple',
  closed: 'green',
  rejected: 'default',
  withdrawn: 'default',
  reopened: 'volcano',
};

export function StatusTag({ status }: { status: TicketStatus }) {
  return (
    <Tag color={COLORS[status]} data-status={status}>
      {TICKET_STATUS_LABELS[status]}
    </Tag>
  );
}
