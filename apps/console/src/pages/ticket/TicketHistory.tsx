// The ticket's timeline (who moved it where, with the department, reply, reason and callback outcome)
// and its ratings, oldest first.
import { SATISFACTION_LABELS, TICKET_STATUS_LABELS, type OperatorTicketDetail } from '@minhu/shared';
import { Empty, Table, Tag, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../lib/time';

const ACTOR: Record<string, string> = { citizen: '市民', operator: '话务员', hotline: '热线系统', system: '系统' };

export function TicketTimeline({ ticket }: { ticket: OperatorTicketDetail }) {
  let callbackIndex = 0;
  return (
    <Timeline
      data-testid="ticket-timeline"
      items={ticket.timeline.map((t, i) => {
        const cb = t.status === 'callback' ? ticket.callbacks[callbackIndex++] : undefined;
        return {
          key: i,
          color: t.status === 'closed' ? 'green' : t.status === 'rejected' || t.status === 'reopened' ? 'red' : 'blue',
          content: (
            <div>
              <Typography.Text type="secondary" style={{ marginRight: 8 }}>
                {formatDateTime(t.at)}
              </Typography.Text>
              <Typography.Text strong>{TICKET_STATUS_LABELS[t.status]}</Typography.Text>
              <Typography.Text type="secondary"> · {ACTOR[t.actor.type] ?? t.actor.type}{t.actor.name ? ` ${t.actor.name}` : ''}</Typography.Text>
              {t.department && <div>承办单位：{t.department}</div>}
              {t.reply && <div>答复：{t.reply}</div>}
              {t.reason && <div>理由：{t.reason}</div>}
              {t.hotlineNumber && <div>热线编号：{t.hotlineNumber}</div>}
              {cb && (
                <div>
                  回访：{cb.reached === null ? '未记录是否联系上' : cb.reached ? '已联系上群众' : '未联系上群众'}
                  {cb.satisfaction && `，电话评价「${SATISFACTION_LABELS[cb.satisfaction]}」`}
                </div>
              )}
            </div>
          ),
        };
      })}
    />
  );
}

export function TicketRatings({ ticket }: { ticket: OperatorTicketDetail }) {
  if (!ticket.ratings.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无评价" />;
  const rows = ticket.ratings.map((r, i) => ({ ...r, key: i, source: ticket.ratingSources[i] ?? 'app' }));
  return (
    <Table
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="ticket-ratings"
      columns={[
        { title: '轮次', dataIndex: 'round', width: 60, render: (r: number) => `第 ${r} 轮` },
        { title: '评价', dataIndex: 'satisfaction', width: 100, render: (s: keyof typeof SATISFACTION_LABELS) => <Tag color={s === 'dissatisfied' ? 'red' : 'green'}>{SATISFACTION_LABELS[s]}</Tag> },
        { title: '问题解决', dataIndex: 'resolved', width: 90, render: (r: boolean) => (r ? '已解决' : '未解决') },
        { title: '来源', dataIndex: 'source', width: 90, render: (s: string) => (s === 'phone' ? '电话回访' : '市民评价') },
        { title: '意见', dataIndex: 'comment', render: (c?: string) => c ?? '—' },
        { title: '时间', dataIndex: 'at', width: 150, render: (a: string) => formatDateTime(a) },
      ]}
    />
  );
}
