// 申请重办 after a dissatisfied rating: what is still wrong goes to the hotline; once asked, the request
// and its reason stay on the page until the hotline acts.
import { Text, View } from '@tarojs/components';
import { ReopenRequestSchema, type ReopenRequest, type TicketDetail } from '@minhu/shared';
import { formatDateTime } from '../../lib/format';
import { ReasonForm } from './ReasonForm';

export function ReopenCard(props: { ticket: Pick<TicketDetail, 'canRequestReopen' | 'reopenRequest'>; onRequest: (value: ReopenRequest) => Promise<void> }) {
  const { canRequestReopen, reopenRequest } = props.ticket;
  if (reopenRequest) {
    return (
      <View className="mh-card mh-ticket__reopen" data-testid="reopen-requested">
        <Text className="mh-title">申请重办</Text>
        <Text className="mh-ticket__reopen-text" userSelect>
          已申请重办：{reopenRequest.reason}，等待热线处理
        </Text>
        <Text className="mh-muted">{formatDateTime(reopenRequest.at)} 提交</Text>
      </View>
    );
  }
  if (!canRequestReopen) return null;
  return (
    <View className="mh-card" data-testid="reopen-card">
      <Text className="mh-title">对办理结果不满意？</Text>
      <Text className="mh-muted">可以申请热线重新办理。请写明还有什么问题没有解决：</Text>
      <ReasonForm schema={ReopenRequestSchema} placeholder="例如：路灯修好两天又不亮了" submitText="申请重办" onSubmit={props.onRequest} testId="reopen-form" />
    </View>
  );
}
