// 订阅办理进度提醒 (mini-program only): each tap asks WeChat for one more progress message per template;
// the card says how many the citizen can still receive and what happens when they say no (SMS).
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { SubscriptionState } from '@minhu/shared';
import { useState } from 'react';
import { api } from '../../api/minhu-api';
import { remainingGrants, requestProgressSubscription, subscriptionSupported } from '../../lib/subscribe';

export function SubscribeCard(props: { subscriptions: SubscriptionState | null; onChange: (s: SubscriptionState) => void }) {
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const subs = props.subscriptions;
  if (!subscriptionSupported || !subs || subs.templates.length === 0) return null;

  // WeChat shows its prompt only from inside the tap: requestProgressSubscription calls it before any await.
  const subscribe = () => {
    const outcome = requestProgressSubscription(subs, (ids) => api.me.reportSubscriptions(ids));
    setAsking(true);
    setNote(null);
    void outcome.then((o) => {
      setAsking(false);
      if (o.kind === 'accepted') {
        props.onChange(o.subscriptions);
        setNote({ text: '已开启，办理进度有变化时会通过微信提醒您', error: false });
      } else {
        setNote({ text: o.message, error: o.kind === 'failed' });
      }
    });
  };

  const left = remainingGrants(subs);
  return (
    <View className="mh-card" data-testid="subscribe-card">
      <Text className="mh-title">办理进度提醒</Text>
      <Text className="mh-muted" data-testid="subscribe-remaining">
        {left > 0 ? `还可接收 ${left} 条提醒` : '目前不会收到微信提醒，进度有变化时会用短信通知您'}
      </Text>
      <Text className="mh-muted">每同意一次，可多接收一条微信提醒。</Text>
      <View className="mh-gap" />
      <Button block size="large" type="primary" fill="outline" loading={asking} disabled={asking} onClick={subscribe} data-testid="subscribe-progress">
        订阅办理进度提醒
      </Button>
      {note && (
        <Text className={note.error ? 'mh-error-text' : 'mh-muted'} data-testid="subscribe-note">
          {note.text}
        </Text>
      )}
    </View>
  );
}
