// 推送失败 (admin): events to the city's hotline system that could not be delivered (webhook mode),
// with their last error and attempts, and a retry; other delivery states can be looked at too.
import { OutboxQuerySchema } from '@minhu/shared';
import { Alert, App, Button, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { serverError } from '../lib/form';
import { useLoad } from '../lib/hooks';
import { href, Link } from '../lib/router';
import { formatDateTime } from '../lib/time';

interface OutboxItem {
  eventId: string;
  type: string;
  ticketId: string;
  ticketNumber: string | null;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  at: string;
}

const STATUS_LABELS: Record<string, string> = { failed: '推送失败', pending: '待推送', delivered: '已送达', skipped: '已跳过' };
const TYPE_LABELS: Record<string, string> = { 'ticket.created': '新工单', 'ticket.rated': '市民评价', 'ticket.withdrawn': '市民撤回' };

export default function OutboxPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<'failed' | 'pending' | 'delivered' | 'skipped'>('failed');
  const [retrying, setRetrying] = useState<string | null>(null);
  const list = useLoad((signal) => {
    const query = OutboxQuerySchema.parse({ status });
    return api<{ items: OutboxItem[] }>('GET', '/api/operator/outbox', { query: { status: query.status, limit: query.limit }, signal }).then((r) => r.items);
  }, [status]);

  async function retry(eventId: string) {
    setRetrying(eventId);
    try {
      await api('POST', `/api/operator/outbox/${encodeURIComponent(eventId)}/retry`);
      void message.success('已重新排入推送队列');
      await list.reload();
    } catch (err) {
      void message.error(serverError(err));
    } finally {
      setRetrying(null);
    }
  }

  return (
    <div data-testid="page-outbox">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        推送失败
      </Typography.Title>
      <Typography.Paragraph type="secondary">对接市 12345 工单系统（webhook 模式）时，多次推送仍失败的事件停在这里；排除故障后可重新推送，事件编号不变，对方按编号去重。</Typography.Paragraph>
      <Segmented value={status} onChange={(v) => setStatus(v as typeof status)} options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))} style={{ marginBottom: 12 }} />
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Table<OutboxItem>
        size="small"
        rowKey="eventId"
        loading={list.loading}
        dataSource={list.data ?? []}
        locale={{ emptyText: status === 'failed' ? '没有推送失败的事件' : '暂无记录' }}
        scroll={{ x: 1040 }}
        data-testid="outbox-table"
        columns={[
          { title: '事件', dataIndex: 'type', width: 100, render: (t: string) => TYPE_LABELS[t] ?? t },
          { title: '工单', dataIndex: 'ticketNumber', width: 180, render: (n: string | null, r) => <Link to={href(`tickets/${r.ticketId}`)}>{n ?? r.ticketId}</Link> },
          { title: '尝试次数', dataIndex: 'attempts', width: 80, align: 'right' },
          { title: '最后错误', dataIndex: 'lastError', width: 220, ellipsis: true, render: (e: string | null) => <Typography.Text type="danger">{e ?? '—'}</Typography.Text> },
          { title: '事件时间', dataIndex: 'at', width: 150, render: (a: string) => formatDateTime(a) },
          { title: '下次尝试', dataIndex: 'nextAttemptAt', width: 150, render: (a: string, r) => (r.status === 'pending' ? formatDateTime(a) : '—') },
          { title: '事件编号', dataIndex: 'eventId', width: 150, ellipsis: true },
          {
            title: '操作',
            width: 100,
            fixed: 'right',
            render: (_: unknown, r) =>
              r.status === 'failed' ? (
                <Button size="small" onClick={() => retry(r.eventId)} loading={retrying === r.eventId}>
                  重新推送
                </Button>
              ) : null,
          },
        ]}
      />
    </div>
  );
}
