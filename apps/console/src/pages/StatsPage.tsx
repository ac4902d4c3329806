// 统计: for a chosen period of filing days — 受理量, 办结率, 按时办结率, 回访率, 满意率 and the average handling
// time, overall, per department, per category and per day, plus a category × street table; charts, and
// each table exported as CSV; and 热点 (stats/Hotspots.tsx), over the last 7/14/30 days.
import { StatsQuerySchema, type StatsMetrics, type StatsResponse } from '@minhu/shared';
import { Alert, Button, Card, Col, DatePicker, Form, Row, Space, Spin, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { lazy, Suspense, useMemo, useState } from 'react';
import { api } from '../api/client';
import { downloadCsv, toCsv } from '../lib/csv';
import { checkWith } from '../lib/form';
import { useLoad } from '../lib/hooks';
import { categoryName, departmentName, hours, percent, streetName } from '../lib/labels';
import { chinaDayAgo, chinaDay } from '../lib/time';
import { HotspotSection } from './stats/Hotspots';

const StatsCharts = lazy(() => import('./stats/StatsCharts'));

/** The figures every table shows, with their CSV headers. */
const METRIC_COLUMNS: Array<{ key: keyof StatsMetrics; title: string; kind: 'count' | 'rate' | 'hours' }> = [
  { key: 'filed', title: '来件量', kind: 'count' },
  { key: 'accepted', title: '受理量', kind: 'count' },
  { key: 'closed', title: '办结量', kind: 'count' },
  { key: 'completionRate', title: '办结率', kind: 'rate' },
  { key: 'onTimeRate', title: '按时办结率', kind: 'rate' },
  { key: 'callbackRate', title: '回访率', kind: 'rate' },
  { key: 'satisfactionRate', title: '满意率', kind: 'rate' },
  { key: 'avgHandlingHours', title: '平均办理时长', kind: 'hours' },
];

const show = (kind: 'count' | 'rate' | 'hours', v: number | null) => (kind === 'rate' ? percent(v) : kind === 'hours' ? hours(v) : String(v ?? 0));

function metricColumns<T extends StatsMetrics>(): ColumnsType<T> {
  return METRIC_COLUMNS.map((c) => ({
    title: c.title,
    dataIndex: c.key,
    align: 'right' as const,
    width: c.kind === 'hours' ? 120 : 96,
    sorter: (a: T, b: T) => ((a[c.key] as number | null) ?? -1) - ((b[c.key] as number | null) ?? -1),
    render: (v: number | null) => show(c.kind, v),
  }));
}

function csvOf<T extends StatsMetrics>(firstTitle: string, rows: T[], first: (r: T) => string): string {
  return toCsv(
    [firstTitle, ...METRIC_COLUMNS.map((c) => c.title)],
    rows.map((r) => [first(r), ...METRIC_COLUMNS.map((c) => (c.kind === 'rate' ? percent(r[c.key] as number | null) : ((r[c.key] as number | null) ?? '')))]),
  );
}

function ExportButton({ name, csv, period }: { name: string; csv: () => string; period: string }) {
  return (
    <Button size="small" onClick={() => downloadCsv(`12345-${name}-${period}.csv`, csv())} data-testid={`export-${name}`}>
      导出 CSV
    </Button>
  );
}

/** Categories down, streets across (the busiest 10; the rest summed as 其他街道). */
function CategoryStreetTable({ stats, period }: { stats: StatsResponse; period: string }) {
  const { streets, rows, allStreets } = useMemo(() => {
    const perStreet = new Map<string, number>();
    for (const c of stats.byCategoryStreet) perStreet.set(streetName(c.street), (perStreet.get(streetName(c.street)) ?? 0) + c.filed);
    const all = [...perStreet].sort((a, b) => b[1] - a[1]).map(([s]) => s);
    const top = all.slice(0, 10);
    const byCat = new Map<string, Record<string, number>>();
    for (const c of stats.byCategoryStreet) {
      const cat = categoryName(c.categoryId);
      const row = byCat.get(cat) ?? {};
      const s = streetName(c.street);
      row[s] = (row[s] ?? 0) + c.filed;
      byCat.set(cat, row);
    }
    return {
      streets: top,
      allStreets: all,
      rows: [...byCat].map(([category, cells]) => ({
        category,
        cells,
        other: Object.entries(cells).filter(([s]) => !top.includes(s)).reduce((n, [, v]) => n + v, 0),
        total: Object.values(cells).reduce((n, v) => n + v, 0),
      })).sort((a, b) => b.total - a.total),
    };
  }, [stats]);
  const csv = () => toCsv(['分类', ...allStreets, '合计'], rows.map((r) => [r.category, ...allStreets.map((s) => r.cells[s] ?? 0), r.total]));
  return (
    <Card size="small" title="分类 × 街道（来件量）" extra={<ExportButton name="分类街道" csv={csv} period={period} />} style={{ marginBottom: 16 }}>
      <Table
        size="small"
        rowKey="category"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        data-testid="table-category-street"
        columns={[
          { title: '分类', dataIndex: 'category', fixed: 'left', width: 140 },
          ...streets.map((s) => ({ title: s, key: s, align: 'right' as const, render: (_: unknown, r: (typeof rows)[number]) => r.cells[s] ?? 0 })),
          ...(allStreets.length > streets.length ? [{ title: '其他街道', dataIndex: 'other', align: 'right' as const }] : []),
          { title: '合计', dataIndex: 'total', align: 'right' as const },
        ]}
      />
    </Card>
  );
}

export default function StatsPage() {
  const [form] = Form.useForm();
  const [period, setPeriod] = useState({ from: chinaDayAgo(29), to: chinaDay() });
  const [formError, setFormError] = useState<string | null>(null);
  const stats = useLoad((signal) => api<StatsResponse>('GET', '/api/operator/stats', { query: period, signal }), [period.from, period.to]);
  const label = `${period.from}_${period.to}`;

  function apply() {
    setFormError(null);
    const range = form.getFieldValue('range') as [dayjs.Dayjs, dayjs.Dayjs] | null;
    const candidate = { from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') };
    try {
      const q = checkWith(StatsQuerySchema, candidate, form);
      if (!q) return setFormError('请选择有效的统计区间（不超过 366 天）');
      setPeriod(q);
    } catch (err) {
      setFormError((err as Error).message);
    }
  }

  const s = stats.data;
  const t = s?.totals;
  return (
    <div data-testid="page-stats">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        统计
      </Typography.Title>
      <Form form={form} layout="inline" onFinish={apply} initialValues={{ range: [dayjs(period.from), dayjs(period.to)] }} style={{ marginBottom: 16 }}>
        <Form.Item label="提交日期" name="range">
          <DatePicker.RangePicker allowClear={false} presets={[
            { label: '近 7 天', value: [dayjs(chinaDayAgo(6)), dayjs(chinaDay())] },
            { label: '近 30 天', value: [dayjs(chinaDayAgo(29)), dayjs(chinaDay())] },
            { label: '近 90 天', value: [dayjs(chinaDayAgo(89)), dayjs(chinaDay())] },
          ]} data-testid="stats-range" />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button onClick={() => void stats.reload()} loading={stats.loading}>
              刷新
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
      {stats.error && <Alert type="error" showIcon title={stats.error} style={{ marginBottom: 12 }} />}
      {!s ? (
        <Spin style={{ display: 'block', marginTop: 60 }} />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="stats-totals">
            {[
              ['来件量', t!.filed, '件'],
              ['受理量', t!.accepted, '件'],
              ['办结率', percent(t!.completionRate), ''],
              ['按时办结率', percent(t!.onTimeRate), ''],
              ['回访率', percent(t!.callbackRate), ''],
              ['满意率', percent(t!.satisfactionRate), ''],
              ['平均办理时长', t!.avgHandlingHours ?? '—', t!.avgHandlingHours === null ? '' : '小时'],
            ].map(([title, value, suffix]) => (
              <Col key={String(title)} flex="1 1 0">
                <Card size="small">
                  <Statistic title={title} value={value as string | number} suffix={suffix} data-testid={`stat-${title}`} />
                </Card>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type="secondary">
            按提交日期统计 {s.from} 至 {s.to} 提交的工单及其当前进展。办结率 = 办结量 ÷ 受理量；按时办结率 = 时限内办结 ÷ 办结量；回访率 = 回访联系上 ÷ 已答复；满意率 =（满意 + 基本满意）÷ 已评价（以最近一次评价为准）。
          </Typography.Paragraph>
          <Suspense fallback={<Spin style={{ display: 'block', margin: '40px 0' }} />}>
            <StatsCharts stats={s} />
          </Suspense>
          <Card size="small" title="按承办单位" extra={<ExportButton name="承办单位" csv={() => csvOf('承办单位', s.byDepartment, (r) => departmentName(r.department))} period={label} />} style={{ marginBottom: 16 }}>
            <Table<StatsResponse['byDepartment'][number]> size="small" rowKey={(r) => r.department ?? ''} pagination={false} dataSource={s.byDepartment} columns={[{ title: '承办单位', dataIndex: 'department', render: (d: string | null) => departmentName(d) }, ...metricColumns<StatsResponse['byDepartment'][number]>()]} data-testid="table-department" />
          </Card>
          <Card size="small" title="按分类" extra={<ExportButton name="分类" csv={() => csvOf('分类', s.byCategory, (r) => categoryName(r.categoryId))} period={label} />} style={{ marginBottom: 16 }}>
            <Table<StatsResponse['byCategory'][number]> size="small" rowKey={(r) => r.categoryId ?? ''} pagination={false} dataSource={s.byCategory} columns={[{ title: '分类', dataIndex: 'categoryId', render: (c: string | null) => categoryName(c) }, ...metricColumns<StatsResponse['byCategory'][number]>()]} data-testid="table-category" />
          </Card>
          <Card size="small" title="每日（最近的在前）" extra={<ExportButton name="每日" csv={() => csvOf('日期', s.daily, (r) => r.date)} period={label} />} style={{ marginBottom: 16 }}>
            <Table<StatsResponse['daily'][number]> size="small" rowKey="date" pagination={{ pageSize: 10, showSizeChanger: false }} dataSource={[...s.daily].reverse()} columns={[{ title: '日期', dataIndex: 'date' }, ...metricColumns<StatsResponse['daily'][number]>()]} data-testid="table-daily" />
          </Card>
          <CategoryStreetTable stats={s} period={label} />
        </>
      )}
      <HotspotSection />
    </div>
  );
}
