// A ticket's status as a coloured chip with its Chinese name, plus urgent/overdue marks.
import { Tag } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { TICKET_STATUS_LABELS, type TicketStatus } from '@minhu/shared';

/**
 * Chip colours: dark text on a light tint, every pair at least 4.5:1 contrast (WCAG AA) — NutUI's
 * white-on-yellow and white-on-green were hard to read for older eyes.
 */
const COLOURS: Record<TicketStatus, { background: string; color: string }> = {
  submitted: { background: '#E3ECFA', color: '#1D3F7A' },
  accepted: { background: '#DCE7FB', color: '#15408F' },
  dispatched: { background: '#DCE7FB', color: '#15408F' },
  replied: { background: '#FFF1C2', color: '#6B4A00' },
  callback: { background: '#FFE8A3', color: '#5C3D00' },
  closed: { background: '#D7F2DE', color: '#14532D' },
  rejected: { background: '#FDE2E1', color: '#8A1C1C' },
  withdrawn: { background: '#ECEEF1', color: '#3F4650' },
  reopened: { background: '#FDE2E1', color: '#8A1C1C' },
};

export function StatusTag(props: { status: TicketStatus }) {
  // NutUI's Tag drops data-* attributes, so the test id sits on a wrapper.
  return (
    <View data-testid="status-tag" style={{ display: 'inline-flex' }}>
      <Tag background={COLOURS[props.status].background} color={COLOURS[props.status].color}>
        {TICKET_STATUS_LABELS[props.status]}
      </Tag>
    </View>
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
        <View data-testid="overdue-tag" style={{ display: 'inline-flex' }}>
          <Tag type="danger">已超期</Tag>
        </View>
      )}
    </View>
  );
}
