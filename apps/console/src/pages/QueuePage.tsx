// 工单队列: the server-paged queue with every filter, a count per status on the tabs, ordered by due
// time; it refreshes itself every 15 seconds and highlights tickets filed since the operator last looked.
import {
  CATEGORIES,
  OPEN_STATUSES,
  OperatorTicketQuerySchema,
  QUEUE_SORT_LABELS,
  TICKET_CHANNEL_LABELS,
  TICKET_CHANNELS,
  TICKET_KIND_LABELS,
  TICKET_KINDS,
  TICKET_STATUS_LABELS,
  TICKET_STATUSES,
  type OperatorTicketPage,
  type OperatorTicketSummary,
  type TicketStatus,
} from '@minhu/shared';
import { Alert, Badge, Button, Checkbox, DatePicker, Form, Input, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { api } from '../api/client';
import { categoryName, departmentName, scorePercent, shownSuggestions } from '../lib/labels';
import { useDepartments, useInterval, useLoad } from '../lib/hooks';
import { href, Link, navigate, useRoute } from '../lib/router';
import { checkWith } from '../lib/form';
import { dueText, formatDateTime } from '../lib/time';
import { StatusTag } from '../components/StatusTag';

const PAGE_SIZE = 20;
const POLL_MS = 15_000;
/** The tabs: open work first (the default), each status, then everything. */
const TABS = ['open', ...TICKET_STATUSES, 'all'] as const;
type Tab = (typeof TABS)[number];

/** The URL's query string is the queue's state: filters survive a reload and the back button. */
function queryOf(search: URLSearchParams) {
  const q: Record<string, string> = {};
  for (const [k, v] of search) if (v) q[k] = v;
  return q;
}

function apiQuery(q: Record<string, string>) {
  const { tab = 'open', ...rest } = q;
  return {
    ...rest,
    ...(tab === 'open' ? { open: 'true' } : tab === 'all' ? {} : { status: tab }),
    limit: String(PAGE_SIZE),
  };
}

export default function QueuePage() {
  const { search } = useRoute();
  const q = queryOf(search);
  const tab = (TABS as readonly string[]).includes(q.tab ?? '') ? (q.tab as Tab) : 'open';
  const departments = useDepartments();
  const [filterError, setFilterError] = useState<string | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const lastLook = useRef<number | null>(null);
  const [form] = Form.useForm();

  const key = search.toString();
  const queue = useLoad(async (signal) => {
    const page = await api<OperatorTicketPage>('GET', '/api/operator/tickets', { query: apiQuery(q), signal });
    // Filed since the last look (not on the first one): highlighted until opened.
    const since = lastLook.current;
    lastLook.current = Date.now();
    if (since !== null) {
      const arrived = page.items.filter((t) => new Date(t.createdAt).getTime() > since - 1000).map((t) => t.id);
      if (arrived.length) setFresh((prev) => new Set([...prev, ...arrived]));
    }
    return page;
  }, [key]);
  useInterval(() => void queue.reload(), POLL_MS);

  function setQuery(changes: Record<string, string | undefined>, resetPage = true) {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(changes)) (v ? next.set(k, v) : next.delete(k));
    if (resetPage && !('page' in changes)) next.delete('page');
    navigate(href('tickets', next));
  }

  function applyFilters() {
    setFilterError(null);
    const v = form.getFieldsValue();
    const range = v.range as [dayjs.Dayjs, dayjs.Dayjs] | null | undefined;
    const changes: Record<string, string | undefined> = {
      q: v.q?.trim() || undefined,
      categoryId: v.categoryId,
      kind: v.kind,
      department: v.department,
      channel: v.channel,
      urgent: v.urgent,
      overdue: v.overdue ? 'true' : undefined,
      needsReview: v.needsReview ? 'true' : undefined,
      from: range?.[0]?.format('YYYY-MM-DD'),
      to: range?.[1]?.format('YYYY-MM-DD'),
    };
    const candidate = Object.fromEntries(Object.entries(changes).filter(([, val]) => val !== undefined));
    // The same schema the server applies, before anything is sent.
    try {
      if (!checkWith(OperatorTicketQuerySchema, candidate, form)) return setFilterError('请修正标红的筛选条件');
    } catch (err) {
      return setFilterError((err as Error).message);
    }
    setQuery(changes);
  }

  function resetFilters() {
    form.resetFields();
    navigate(href('tickets', tab === 'open' ? {} : { tab }));
  }

  const page = queue.data;
  const counts = page?.counts;
  const openCount = counts ? OPEN_STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0) : undefined;
  const tabLabel = (t: Tab) => {
    const n = t === 'open' ? openCount : counts?.[t === 'all' ? 'all' : t];
    const name = t === 'open' ? '待办' : t === 'all' ? '全部' : TICKET_STATUS_LABELS[t as TicketStatus];
    return (
      <span data-testid={`tab-${t}`}>
        {name} <Badge count={n ?? 0} showZero overflowCount={99999} color={t === 'open' ? '#c0392b' : '#bfbfbf'} />
      </span>
    );
  };

  const columns: ColumnsType<OperatorTicketSummary> = useMemo(
    () => [
      {
        title: '工单编号',
        dataIndex: 'number',
        width: 180,
        render: (n: string, t) => (
          <Space size={4}>
            <Link to={href(`tickets/${t.id}`)} data-testid="ticket-link">
              {n}
            </Link>
            {fresh.has(t.id) && <Tag color="red">新</Tag>}
          </Space>
        ),
      },
      { title: '状态', dataIndex: 'status', width: 88, render: (s: TicketStatus) => <StatusTag status={s} /> },
      {
        title: '类型',
        dataIndex: 'kind',
        width: 88,
        render: (k: OperatorTicketSummary['kind'], t) => (
          <Space size={2}>
            {TICKET_KIND_LABELS[k]}
            {t.urgent && <Tag color="red">紧急</Tag>}
          </Space>
        ),
      },
      { title: '分类', dataIndex: 'categoryId', width: 110, render: (c: string | null) => categoryName(c) },
      {
        title: '诉求摘要 / 地址',
        dataIndex: 'excerpt',
        ellipsis: { showTitle: false },
        render: (e: string, t) => (
          <Tooltip title={e} placement="topLeft">
            <div style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
              {t.needsReview && <Tag color="magenta">待复核</Tag>}
              {t.incidentId && (
                <Tag color="purple" data-testid="queue-incident-tag">
                  同一事件
                </Tag>
              )}
              {e}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t.address ?? '未填写地址'} · {TICKET_CHANNEL_LABELS[t.channel]}
            </Typography.Text>
          </Tooltip>
        ),
      },
      {
        title: '承办单位 / 建议',
        dataIndex: 'ownerDepartment',
        width: 150,
        render: (d: string | null, t) => {
          const suggestions = shownSuggestions(t.suggestedDepartments);
          const top = suggestions[0];
          // Not dispatched yet: the model's best guess, as a hint for the operator who opens it.
          if (d || !top) return departmentName(d);
          return (
            <div>
              <div>{departmentName(d)}</div>
              <Tooltip title={`派单模型建议：${suggestions.map((s) => `${s.department} ${scorePercent(s.score)}`).join('、')}`}>
                <Tag color="blue" style={{ marginTop: 2, maxWidth: 140, overflow: 'hidden', textOverflow: 'ellipsis' }} data-testid="queue-suggested">
                  建议 {top.department} {scorePercent(top.score)}
                </Tag>
              </Tooltip>
            </div>
          );
        },
      },
      {
        title: '办理时限',
        dataIndex: 'dueAt',
        width: 130,
        render: (d: string | null) => {
          const due = dueText(d);
          return due ? <Typography.Text type={due.overdue ? 'danger' : undefined}>{due.text}</Typography.Text> : '—';
        },
      },
      { title: '提交时间', dataIndex: 'createdAt', width: 140, render: (d: string) => formatDateTime(d) },
    ],
    [fresh],
  );

  const initial = {
    q: q.q,
    categoryId: q.categoryId,
    kind: q.kind,
    department: q.department,
    channel: q.channel,
    urgent: q.urgent,
    overdue: q.overdue === 'true',
    needsReview: q.needsReview === 'true',
    range: q.from && q.to ? [dayjs(q.from), dayjs(q.to)] : undefined,
  };

  return (
    <div data-testid="page-queue">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        工单队列
      </Typography.Title>
      <Form form={form} layout="inline" initialValues={initial} key={key} onFinish={applyFilters} style={{ rowGap: 12, marginBottom: 12 }}>
        <Form.Item name="q">
          <Input allowClear placeholder="工单编号 / 诉求内容 / 地址" style={{ width: 240 }} data-testid="filter-q" />
        </Form.Item>
        <Form.Item name="categoryId">
          <Select allowClear placeholder="分类" style={{ width: 150 }} options={CATEGORIES.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="kind">
          <Select allowClear placeholder="类型" style={{ width: 100 }} options={TICKET_KINDS.map((k) => ({ value: k, label: TICKET_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="department">
          <Select allowClear placeholder="承办单位" style={{ width: 150 }} options={[{ value: 'none', label: '未派单' }, ...departments.map((d) => ({ value: d, label: d }))]} />
        </Form.Item>
        <Form.Item name="channel">
          <Select allowClear placeholder="渠道" style={{ width: 120 }} options={TICKET_CHANNELS.map((c) => ({ value: c, label: TICKET_CHANNEL_LABELS[c] }))} />
        </Form.Item>
        <Form.Item name="urgent">
          <Select allowClear placeholder="紧急程度" style={{ width: 110 }} options={[{ value: 'true', label: '紧急求助' }, { value: 'false', label: '非紧急' }]} />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker placeholder={['提交开始日期', '结束日期']} style={{ width: 250 }} />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox data-testid="filter-overdue">仅看超时（督办）</Checkbox>
        </Form.Item>
        <Form.Item name="needsReview" valuePropName="checked">
          <Checkbox>仅看待复核</Checkbox>
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="filter-apply">
              筛选
            </Button>
            <Button onClick={resetFilters}>重置</Button>
          </Space>
        </Form.Item>
      </Form>
      {filterError && <Alert type="error" showIcon title={filterError} style={{ marginBottom: 12 }} />}
      {queue.error && <Alert type="error" showIcon title={queue.error} style={{ marginBottom: 12 }} />}
      <Tabs
        activeKey={tab}
        onChange={(t) => setQuery({ tab: t === 'open' ? undefined : t })}
        items={TABS.map((t) => ({ key: t, label: tabLabel(t) }))}
        tabBarExtraContent={
          <Space>
            <Select
              value={q.sort === 'newest' ? 'newest' : 'due'}
              onChange={(s) => setQuery({ sort: s === 'due' ? undefined : s })}
              options={Object.entries(QUEUE_SORT_LABELS).map(([value, label]) => ({ value, label }))}
              style={{ width: 130 }}
              aria-label="排序"
            />
            <Button onClick={() => void queue.reload()} loading={queue.loading}>
              刷新
            </Button>
          </Space>
        }
      />
      <Table<OperatorTicketSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={page?.items ?? []}
        loading={queue.loading && !page}
        rowClassName={(t) => (fresh.has(t.id) ? 'row-fresh' : t.overdue ? 'row-overdue' : '')}
        onRow={(t) => ({ onClick: () => setFresh((prev) => (prev.has(t.id) ? new Set([...prev].filter((x) => x !== t.id)) : prev)) })}
        scroll={{ x: 1000 }}
        pagination={{
          current: page?.page ?? Number(q.page ?? 1),
          pageSize: PAGE_SIZE,
          total: page?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 张`,
          onChange: (p) => setQuery({ page: p > 1 ? String(p) : undefined }, false),
        }}
        locale={{ emptyText: '没有符合条件的工单' }}
        data-testid="queue-table"
      />
      <style>{`.row-fresh td { background: #fff7e6 !important; } .row-overdue td:first-child { box-shadow: inset 3px 0 0 #cf1322; }`}</style>
    </div>
  );
}
