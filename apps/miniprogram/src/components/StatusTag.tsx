// A ticket's status as a coloured chip with its Chinese name, plus urgent/overdue marks.
import { Tag } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { TICKET_STATUS_LABELS, type TicketStatus } from '@minhu/shared';

const TYPE: Record<TicketStatus, 'default' | 'primary' | 'info' | 'success' | 'warning' | 'danger'> = {
  submitted: 'info',
  accepted: 'primary',
  dispatched: 'primary',
  replied: 'warning',
  callback: 'warning',
  closed: 'success',
  rejected: 'danger',
  withdrawn: 'default',
  reopened: 'danger',
};

export function StatusTag(props: { status: TicketStatus }) {
  return (
    <Tag type={TYPE[props.status]} data-testid="status-tag">
      {TICKET_STATUS_LABELS[props.status]}
    </Tag>
  );
}

export function TicketMarks(props: { urgent: boolean; overdue: boolean }) {
  if (!props.urgent && !props.overdue) return null;
  return (
    <View className="mh-row" style={{ gap: '8px' }}>
      {props.urgent && (
        <Tag type="danger" plain>
          紧急
        </Tag>
      )}
      {props.overdue && (
        <Tag type="danger" data-testid="overdue-tag">
          已超期
        </Tag>
      )}
    </View>
  );
}
