// 撤回工单 before the hotline accepts it: the citizen says why (the hotline reads it) before it is sent.
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { WithdrawTicketSchema, type WithdrawTicket } from '@minhu/shared';
import { useState } from 'react';
import { ReasonForm } from './ReasonForm';

export function WithdrawCard(props: { onWithdraw: (value: WithdrawTicket) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  return (
    <View className="mh-card" data-testid="withdraw-card">
      {open ? (
        <>
          <Text className="mh-title">撤回工单</Text>
          <Text className="mh-muted">撤回后热线将不再办理，如有需要可以重新反映。请说明撤回原因：</Text>
          <ReasonForm
            schema={WithdrawTicketSchema}
            placeholder="例如：问题已经自行解决了"
            submitText="确认撤回"
            danger
            onSubmit={props.onWithdraw}
            onCancel={() => setOpen(false)}
            testId="withdraw-form"
          />
        </>
      ) : (
        <>
          <Button block size="large" type="danger" fill="outline" onClick={() => setOpen(true)} data-testid="withdraw-button">
            撤回工单
          </Button>
          <Text className="mh-muted">热线受理之前可以撤回。</Text>
        </>
      )}
    </View>
  );
}
