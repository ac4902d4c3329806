// 热点: clusters of tickets of one category at one place over the last 7/14/30 days, with the change
// from the span before; the busiest ten as a bar chart (loaded with the other charts), and each
// hotspot's tickets listed on demand.
import { type Hotspot, type HotspotsResponseSchema, type OperatorTicketDetail } from '@minhu/shared';
import { Alert, Button, Card, Segmented, Space, Spin, Table, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import type { z } from 'zod';
import { api } from '../../api/client';
import { StatusTag } from '../../components/StatusTag';
import { useLoad } from '../../lib/hooks';
import { categoryName, streetName } from '../../lib/labels';
import { href, Link } from '../../lib/router';
import { formatDateTime } from '../../lib/time';

type HotspotsResponse = z.infer<typeof HotspotsResponseSchema>;

const HotspotChart = lazy(() => import('./StatsCharts').then((m) => ({ default: m.HotspotChart })));

export const HOTSPOT_DAYS = [7, 14, 30] as const;
/** How many of a hotspot's tickets the expanded row lists. */
const LISTED = 20;

const keyOf = (h: Hotspot) => `${h.categoryId ?? '-'}|${h.street ?? '-'}|${h.center.lat.toFixed(5)},${h.center.lng.toFixed(5)}`;

/** "↑3", "↓2", "持平"; 新出现 when nothing was there before. */
export function trendText(h: Pick<Hotspot, 'trend' | 'previousCount'>): { text: string; type?: 'danger' | 'success' | 'secondary' } {
  if (h.previousCount === 0 && h.trend > 0) return { text: `↑${h.trend}（新出现）`, type: 'danger' };
  if (h.trend > 0) return { text: `↑${h.trend}`, type: 'danger' };
  if (h.trend < 0) return { text: `↓${-h.trend}`, type: 'success' };
  return { text: '持平', type: 'secondary' };
}

/** The first tickets of a hotspot, read one by one (the queue has no filter by id). */
function HotspotTickets({ ids }: { ids: string[] }) {
  const shown = ids.slice(0, LISTED);
  const list = useLoad(
    (signal) => Promise.all(shown.map((id) => api<{ ticket: OperatorTicketDetail }>('GET', `/api/operator/tickets/${id}`, { signal }).then((r) => r.ticket))),
    [shown.join(',')],
  );
  if (list.error) return <Alert type="error" showIcon title={list.error} />;
  if (!list.data) return <Spin size="small" />;
  return (
    <div data-testid="hotspot-tickets">
      {list.data.map((t) => (
        <div key={t.id} style={{ display: 'flex', gap: 12, alignItems: 'center', padding: '4px 0' }} data-testid="hotspot-ticket">
          <Link to={href(`tickets/${t.id}`)} style={{ flex: '0 0 170px' }}>
            {t.number}
          </Link>
          <StatusTag status={t.status} />
          <Typography.Text ellipsis style={{ flex: 1 }}>
            {t.description}
          </Typography.Text>
          <Typography.Text type="secondary">{formatDateTime(t.createdAt)}</Typography.Text>
        </div>
      ))}
      {ids.length > shown.length && <Typography.Text type="secondary">另有 {ids.length - shown.length} 张未列出</Typography.Text>}
    </div>
  );
}

export function HotspotSection() {
  const [days, setDays] = useState<(typeof HOTSPOT_DAYS)[number]>(7);
  const [expanded, setExpanded] = useState<string[]>([]);
  const hotspots = useLoad((signal) => api<HotspotsResponse>('GET', '/api/operator/hotspots', { query: { days }, signal }), [days]);
  const items = hotspots.data?.items ?? [];
  const toggle = (key: string) => setExpanded((prev) => (prev.includes(key) ? prev.filter((k) => k !== key) : [...prev, key]));

  return (
    <Card
      size="small"
      title="热点（同一地点同类问题集中反映）"
      style={{ marginBottom: 16 }}
      data-testid="hotspots"
      extra={
        <Space>
          <Segmented<(typeof HOTSPOT_DAYS)[number]>
            value={days}
            onChange={(d) => {
              setExpanded([]);
              setDays(d);
            }}
            options={HOTSPOT_DAYS.map((d) => ({ value: d, label: `近 ${d} 天` }))}
            data-testid="hotspot-days"
          />
          <Button size="small" onClick={() => void hotspots.reload()} loading={hotspots.loading}>
            刷新
          </Button>
        </Space>
      }
    >
      {hotspots.error && <Alert type="error" showIcon title={hotspots.error} style={{ marginBottom: 12 }} />}
      {items.length > 0 && (
        <Suspense fallback={<Spin style={{ display: 'block', margin: '24px 0' }} />}>
          <HotspotChart items={items.slice(0, 10)} />
        </Suspense>
      )}
      <Table<Hotspot>
        size="small"
        rowKey={keyOf}
        loading={hotspots.loading && !hotspots.data}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        dataSource={items}
        data-testid="table-hotspots"
        locale={{ emptyText: `近 ${days} 天没有集中反映的热点` }}
        expandable={{
          expandedRowKeys: expanded,
          showExpandColumn: false,
          expandedRowRender: (h) => <HotspotTickets ids={h.ticketIds} />,
        }}
        columns={[
          { title: '#', key: 'rank', width: 48, render: (_: unknown, __: Hotspot, i: number) => i + 1 },
          { title: '分类', dataIndex: 'categoryId', render: (c: string | null) => categoryName(c) },
          { title: '街道', dataIndex: 'street', render: (s: string | null) => streetName(s) },
          {
            title: '工单数',
            dataIndex: 'count',
            align: 'right',
            width: 110,
            render: (n: number, h) => (
              <Button type="link" size="small" onClick={() => toggle(keyOf(h))} aria-expanded={expanded.includes(keyOf(h))} data-testid="hotspot-count">
                {n} 张 {expanded.includes(keyOf(h)) ? '▴' : '▾'}
              </Button>
            ),
          },
          {
            title: '较前期',
            key: 'trend',
            align: 'right',
            width: 140,
            render: (_: unknown, h) => {
              const t = trendText(h);
              return (
                <Typography.Text type={t.type} data-testid="hotspot-trend">
                  {t.text}
                </Typography.Text>
              );
            },
          },
          { title: '上期', dataIndex: 'previousCount', align: 'right', width: 72 },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        统计近 {hotspots.data?.days ?? days} 天提交的工单；“较前期”与此前同样天数相比。点工单数可列出该热点的工单。
      </Typography.Paragraph>
    </Card>
  );
}
