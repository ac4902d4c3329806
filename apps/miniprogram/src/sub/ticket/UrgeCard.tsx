// 催办: past its due time an open ticket can be urged once a day; the page says when it last was.
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { TicketDetail } from '@minhu/shared';
import { useState } from 'react';
import { toUserMessage } from '../../api/errors';
import { ALERT_ROLE } from '../../lib/a11y';
import { formatDateTime, formatTime } from '../../lib/format';

/** "今天已催办（09:30）", "上次催办：…", or null when never urged. */
export function urgedText(lastUrgedAt: string | null, now: Date = new Date()): string | null {
  if (!lastUrgedAt) return null;
  const at = new Date(lastUrgedAt);
  if (Number.isNaN(at.getTime())) return null;
  return at.toDateString() === now.toDateString() ? `今天已催办（${formatTime(lastUrgedAt)}）` : `上次催办：${formatDateTime(lastUrgedAt)}`;
}

export function UrgeCard(props: { ticket: Pick<TicketDetail, 'canUrge' | 'lastUrgedAt'>; onUrge: () => Promise<void> }) {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const urged = urgedText(props.ticket.lastUrgedAt);
  if (!props.ticket.canUrge && !urged) return null;

  const urge = async () => {
    setSending(true);
    setError(null);
    try {
      await props.onUrge();
    } catch (e) {
      setError(toUserMessage(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="mh-card" data-testid="urge-card">
      <Text className="mh-title">催办</Text>
      {urged && (
        <Text className="mh-ticket__urged" data-testid="urged-at">
          {urged}
        </Text>
      )}
      {props.ticket.canUrge && (
        <>
          <Text className="mh-muted">已超过办理时限，可以请热线督促承办部门尽快办理（每天一次）。</Text>
          <View className="mh-gap" />
          <Button block size="large" type="primary" fill="outline" loading={sending} disabled={sending} onClick={() => void urge()} data-testid="urge-button">
            催促办理
          </Button>
        </>
      )}
      {error && (
        <Text className="mh-error-text" {...ALERT_ROLE} data-testid="urge-error">
          {error}
        </Text>
      )}
    </View>
  );
}
