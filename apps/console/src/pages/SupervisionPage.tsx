// 督办: open tickets past their next deadline, or within 24 hours of it, grouped by department or by
// milestone, with how long overdue; one click opens the ticket. Refreshes every minute.
import { SUPERVISION_MILESTONE_LABELS, TICKET_KIND_LABELS, type SupervisionBoard, type SupervisionItem } from '@minhu/shared';
import { Alert, Badge, Card, Col, Empty, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import { StatusTag } from '../components/StatusTag';
import { useInterval, useLoad } from '../lib/hooks';
import { categoryName, departmentName } from '../lib/labels';
import { href, Link } from '../lib/router';
import { formatDateTime, formatMinutes } from '../lib/time';

type GroupBy = 'department' | 'milestone';

export default function SupervisionPage() {
  const board = useLoad((signal) => api<SupervisionBoard>('GET', '/api/operator/supervision', { signal }), []);
  useInterval(() => void board.reload(), 60_000);
  const [groupBy, setGroupBy] = useState<GroupBy>('department');
  const items = board.data?.items ?? [];
  const overdue = items.filter((i) => i.overdueMinutes > 0);

  const groups = useMemo(() => {
    const map = new Map<string, SupervisionItem[]>();
    for (const i of items) {
      const key = groupBy === 'department' ? departmentName(i.department) : SUPERVISION_MILESTONE_LABELS[i.milestone];
      map.set(key, [...(map.get(key) ?? []), i]);
    }
    // Groups with the most overdue tickets first.
    return [...map].sort((a, b) => b[1].filter((i) => i.overdueMinutes > 0).length - a[1].filter((i) => i.overdueMinutes > 0).length || b[1].length - a[1].length);
  }, [items, groupBy]);

  return (
    <div data-testid="page-supervision">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        督办
      </Typography.Title>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic title="已超时" value={overdue.length} styles={{ content: { color: '#cf1322' } }} suffix="张" />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="24 小时内到期" value={items.length - overdue.length} suffix="张" />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small">
            <Typography.Text type="secondary">
              按“1345”节点督办：第 1 日确认受理、第 3 日反馈结果、第 4 日跟踪回访、第 5 日办结；紧急求助 30 分钟内联系、1 小时内到场。
              {board.data && ` 更新于 ${formatDateTime(board.data.at)}。`}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Space style={{ marginBottom: 12 }}>
        <Segmented<GroupBy>
          value={groupBy}
          onChange={setGroupBy}
          options={[
            { value: 'department', label: '按承办单位' },
            { value: 'milestone', label: '按督办节点' },
          ]}
        />
      </Space>
      {board.error && <Alert type="error" showIcon title={board.error} style={{ marginBottom: 12 }} />}
      {!board.loading && !items.length && <Empty description="没有超时或即将到期的工单" />}
      {groups.map(([name, rows]) => (
        <Card
          key={name}
          size="small"
          style={{ marginBottom: 16 }}
          title={
            <Space>
              {name}
              <Badge count={rows.filter((r) => r.overdueMinutes > 0).length} title="已超时" />
              <Typography.Text type="secondary">共 {rows.length} 张</Typography.Text>
            </Space>
          }
          data-testid="supervision-group"
        >
          <Table<SupervisionItem>
            size="small"
            rowKey="id"
            pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            dataSource={rows}
            columns={[
              { title: '工单编号', dataIndex: 'number', width: 180, render: (n: string, r) => <Link to={href(`tickets/${r.id}`)}>{n}</Link> },
              { title: '状态', dataIndex: 'status', width: 90, render: (s: SupervisionItem['status']) => <StatusTag status={s} /> },
              { title: '类型', dataIndex: 'kind', width: 110, render: (k: SupervisionItem['kind'], r) => <Space size={2}>{TICKET_KIND_LABELS[k]}{r.urgent && <Tag color="red">紧急</Tag>}</Space> },
              { title: '分类', dataIndex: 'categoryId', width: 120, render: (c: string | null) => categoryName(c) },
              { title: groupBy === 'department' ? '督办节点' : '承办单位', width: 190, render: (_: unknown, r) => (groupBy === 'department' ? SUPERVISION_MILESTONE_LABELS[r.milestone] : departmentName(r.department)) },
              { title: '摘要', dataIndex: 'excerpt', ellipsis: true },
              { title: '节点时限', dataIndex: 'deadline', width: 150, render: (d: string) => formatDateTime(d) },
              {
                title: '超时',
                dataIndex: 'overdueMinutes',
                width: 130,
                render: (m: number) => (m > 0 ? <Typography.Text type="danger">超时 {formatMinutes(m)}</Typography.Text> : <Typography.Text type="warning">剩余 {formatMinutes(m)}</Typography.Text>),
              },
            ]}
          />
        </Card>
      ))}
    </div>
  );
}
