// 审计日志 (admin): every staff action — opening a ticket, acting on it, revealing a citizen's phone
// number, knowledge-base and account changes, delivery retries — newest first, filtered by ticket
// (number or id), staff user name and action; older entries page in with 加载更多. Filters live in the URL.
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  AuditQuerySchema,
  OPERATOR_ACTION_LABELS,
  STAFF_ROLE_LABELS,
  type AuditAction,
  type AuditEntry,
  type AuditPage as AuditPageBody,
  type OperatorAction,
  type StaffRole,
} from '@minhu/shared';
import { Alert, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { serverError } from '../lib/form';
import { useLoad } from '../lib/hooks';
import { categoryName } from '../lib/labels';
import { href, Link, navigate, useRoute } from '../lib/router';
import { formatDateTimeSeconds } from '../lib/time';

const PAGE_SIZE = 50;
const OBJECT_ID = /^[0-9a-f]{24}$/i;

interface Filters {
  /** A ticket number (MH…) or a ticket id. */
  ticket: string;
  staff: string;
  action: string;
}

/** The API query for the filters, checked with the shared schema; field errors by filter name. */
function apiQuery(f: Filters): { query: Record<string, string>; errors: Partial<Record<keyof Filters, string>> } {
  const ticket = f.ticket.trim();
  const raw: Record<string, string> = { limit: String(PAGE_SIZE) };
  if (ticket) raw[OBJECT_ID.test(ticket) ? 'ticketId' : 'ticketNumber'] = ticket;
  if (f.staff.trim()) raw.staff = f.staff.trim();
  if (f.action) raw.action = f.action;
  const parsed = AuditQuerySchema.safeParse(raw);
  const errors: Partial<Record<keyof Filters, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const field: keyof Filters = key === 'staff' ? 'staff' : key === 'action' ? 'action' : 'ticket';
      errors[field] ??= issue.message;
    }
  }
  return { query: raw, errors };
}

/** Fields an edit changed, as the forms call them. */
const FIELD_LABELS: Record<string, string> = {
  question: '标准问题',
  paraphrases: '相似问法',
  answer: '答案',
  categoryId: '分类',
  localDetails: '本地信息说明',
  localValue: '本地信息',
  department: '答复部门',
  enabled: '启用状态',
  name: '显示名',
  role: '角色',
};

/** Events delivered to the city's hotline system (推送失败). */
const DELIVERY_LABELS: Record<string, string> = { 'ticket.created': '新工单', 'ticket.rated': '市民评价', 'ticket.withdrawn': '市民撤回' };

/** The few facts an entry carries, in words. */
function describe(e: AuditEntry): string {
  const d = e.details;
  const parts: string[] = [];
  if (typeof d.type === 'string' && e.action === 'ticket.event') parts.push(OPERATOR_ACTION_LABELS[d.type as OperatorAction] ?? d.type);
  else if (typeof d.type === 'string') parts.push(`事件：${DELIVERY_LABELS[d.type] ?? d.type}`);
  if (typeof d.department === 'string') parts.push(`${e.action.startsWith('faq.') ? '答复部门' : '承办单位'}：${d.department}`);
  if (typeof d.categoryId === 'string') parts.push(`分类：${categoryName(d.categoryId)}`);
  if (typeof d.role === 'string') parts.push(`角色：${STAFF_ROLE_LABELS[d.role as StaffRole] ?? d.role}`);
  if (typeof d.fields === 'string' && d.fields) parts.push(`修改：${d.fields.split(',').map((f) => FIELD_LABELS[f] ?? f).join('、')}`);
  return parts.join('；') || '—';
}

export default function AuditPage() {
  const { search } = useRoute();
  const filters: Filters = { ticket: search.get('ticket') ?? '', staff: search.get('staff') ?? '', action: search.get('action') ?? '' };
  const key = search.toString();
  const { query, errors } = apiQuery(filters);
  const valid = Object.keys(errors).length === 0;
  const [form] = Form.useForm<Filters>();
  const first = useLoad(
    (signal) => (valid ? api<AuditPageBody>('GET', '/api/admin/audit', { query, signal }) : Promise.resolve({ items: [], nextCursor: null })),
    [key],
  );
  const [more, setMore] = useState<AuditPageBody | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);

  useEffect(() => {
    setMore(null);
    setMoreError(null);
    form.setFieldsValue(filters);
    form.setFields((Object.keys(filters) as Array<keyof Filters>).map((name) => ({ name, errors: errors[name] ? [errors[name]!] : [] })));
  }, [key]);

  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const nextCursor = more ? more.nextCursor : (first.data?.nextCursor ?? null);

  async function loadMore() {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await api<AuditPageBody>('GET', '/api/admin/audit', { query: { ...query, cursor: nextCursor } });
      setMore({ items: [...(more?.items ?? []), ...page.items], nextCursor: page.nextCursor });
      setMoreError(null);
    } catch (err) {
      setMoreError(serverError(err));
    } finally {
      setLoadingMore(false);
    }
  }

  function apply(values: Filters) {
    const next: Record<string, string> = {};
    if (values.ticket?.trim()) next.ticket = values.ticket.trim();
    if (values.staff?.trim()) next.staff = values.staff.trim();
    if (values.action) next.action = values.action;
    const check = apiQuery({ ticket: next.ticket ?? '', staff: next.staff ?? '', action: next.action ?? '' });
    if (Object.keys(check.errors).length) {
      form.setFields((Object.keys(check.errors) as Array<keyof Filters>).map((name) => ({ name, errors: [check.errors[name]!] })));
      return;
    }
    // The same filters again: look again (a new URL loads by itself).
    if (new URLSearchParams(next).toString() === key) void first.reload();
    else navigate(href('audit', next));
  }

  return (
    <div data-testid="page-audit">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        审计日志
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        工作人员的每一次操作都记录在这里：打开工单、办理工单、查看群众完整号码、修改知识库和账号、重新推送。记录只增不改，按时间倒序排列。
      </Typography.Paragraph>
      <Form form={form} layout="inline" initialValues={filters} onFinish={apply} style={{ marginBottom: 12, rowGap: 8 }} data-testid="audit-filters">
        <Form.Item name="ticket" label="工单">
          <Input allowClear placeholder="工单编号或 ID" style={{ width: 220 }} data-testid="audit-ticket" />
        </Form.Item>
        <Form.Item name="staff" label="账号">
          <Input allowClear placeholder="用户名" style={{ width: 160 }} data-testid="audit-staff" />
        </Form.Item>
        <Form.Item name="action" label="操作">
          <Select
            allowClear
            placeholder="全部操作"
            style={{ width: 160 }}
            options={AUDIT_ACTIONS.map((a) => ({ value: a, label: AUDIT_ACTION_LABELS[a] }))}
            data-testid="audit-action"
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="audit-apply">
              查询
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                navigate(href('audit'));
              }}
            >
              重置
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {first.error && <Alert type="error" showIcon title={first.error} style={{ marginBottom: 12 }} />}
      <Table<AuditEntry>
        size="small"
        rowKey="id"
        loading={first.loading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: '没有符合条件的记录' }}
        scroll={{ x: 1100 }}
        data-testid="audit-table"
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: (a: string) => formatDateTimeSeconds(a) },
          {
            title: '账号',
            dataIndex: 'username',
            width: 170,
            render: (u: string, e) => (
              <Space size={4}>
                <span data-username={u}>{u}</span>
                <Tag color={e.role === 'admin' ? 'red' : 'blue'}>{STAFF_ROLE_LABELS[e.role]}</Tag>
              </Space>
            ),
          },
          {
            title: '操作',
            dataIndex: 'action',
            width: 130,
            render: (a: AuditAction) => (
              <Tag color={a === 'ticket.reveal_phone' ? 'orange' : undefined} data-action={a}>
                {AUDIT_ACTION_LABELS[a] ?? a}
              </Tag>
            ),
          },
          {
            title: '工单',
            dataIndex: 'ticketNumber',
            width: 180,
            render: (n: string | null, e) => (e.ticketId ? <Link to={href(`tickets/${e.ticketId}`)}>{n ?? e.ticketId}</Link> : '—'),
          },
          { title: '对象', dataIndex: 'target', width: 180, ellipsis: true, render: (t: string | null) => t ?? '—' },
          { title: '详情', key: 'details', render: (_: unknown, e) => describe(e) },
          { title: 'IP', dataIndex: 'ip', width: 140 },
        ]}
      />
      {moreError && <Alert type="error" showIcon title={moreError} style={{ marginTop: 12 }} />}
      {nextCursor && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => void loadMore()} loading={loadingMore} data-testid="audit-more">
            加载更多
          </Button>
        </div>
      )}
    </div>
  );
}
