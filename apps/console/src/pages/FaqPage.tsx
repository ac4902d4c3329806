// 知识库 (admin): list, search and filter the FAQ entries by category; create, edit (the department that
// answers an entry among the rest: citizens see it as 来源 with the last change), disable and enable them; and
// 试一试 — a question sent through the chat engine itself, showing what it understood, the entry it matched and
// its confidence, so an edit's effect shows at once.
import {
  AdminFaqQuerySchema,
  CATEGORIES,
  ChatMessageRequestSchema,
  CreateFaqEntrySchema,
  UpdateFaqEntrySchema,
  type AdminFaqEntry,
  type ChatMessageResponse,
} from '@minhu/shared';
import { Alert, App, AutoComplete, Button, Card, Col, Descriptions, Drawer, Form, Input, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { checkWith, serverError } from '../lib/form';
import { useLoad } from '../lib/hooks';
import { categoryName, INTENT_LABELS } from '../lib/labels';
import { chinaDay, formatDateTime } from '../lib/time';

interface Filters {
  categoryId?: string;
  q?: string;
}

export default function FaqPage() {
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [filterForm] = Form.useForm();
  const [filterError, setFilterError] = useState<string | null>(null);
  const [editing, setEditing] = useState<AdminFaqEntry | 'new' | null>(null);
  const list = useLoad((signal) => api<{ items: AdminFaqEntry[] }>('GET', '/api/admin/faq', { query: { ...filters }, signal }).then((r) => r.items), [filters.categoryId, filters.q]);

  function search() {
    setFilterError(null);
    const v = filterForm.getFieldsValue();
    const candidate = Object.fromEntries(Object.entries({ categoryId: v.categoryId, q: v.q?.trim() || undefined }).filter(([, x]) => x !== undefined));
    const q = checkWith(AdminFaqQuerySchema, candidate, filterForm);
    if (!q) return setFilterError('请修正标红的条件');
    setFilters(candidate as Filters);
  }

  async function setEnabled(entry: AdminFaqEntry, enabled: boolean) {
    try {
      await api('POST', `/api/admin/faq/${entry.id}/${enabled ? 'enable' : 'disable'}`);
      void message.success(enabled ? '已启用' : '已停用');
      await list.reload();
    } catch (err) {
      void message.error(serverError(err));
    }
  }

  return (
    <div data-testid="page-faq">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        知识库
      </Typography.Title>
      <Row gutter={16}>
        <Col span={16}>
          <Form form={filterForm} layout="inline" onFinish={search} style={{ marginBottom: 12, rowGap: 8 }}>
            <Form.Item name="categoryId">
              <Select allowClear placeholder="全部分类" style={{ width: 170 }} options={CATEGORIES.map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
            <Form.Item name="q">
              <Input allowClear placeholder="搜索问题、问法、答案或部门" style={{ width: 220 }} data-testid="faq-search" />
            </Form.Item>
            <Form.Item>
              <Space>
                <Button htmlType="submit">搜索</Button>
                <Button type="primary" onClick={() => setEditing('new')}>
                  新增条目
                </Button>
              </Space>
            </Form.Item>
          </Form>
          {filterError && <Alert type="error" showIcon title={filterError} style={{ marginBottom: 12 }} />}
          {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
          <Table<AdminFaqEntry>
            size="small"
            rowKey="id"
            loading={list.loading}
            dataSource={list.data ?? []}
            pagination={{ pageSize: 12, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
            data-testid="faq-table"
            columns={[
              { title: '标准问题', dataIndex: 'question', render: (q: string, e) => <span data-faq-id={e.id}>{q}</span> },
              { title: '分类', dataIndex: 'categoryId', width: 120, render: (c: string) => categoryName(c) },
              { title: '答复部门', dataIndex: 'department', width: 150, render: (d: string) => <span data-testid="faq-department">{d}</span> },
              { title: '更新于', dataIndex: 'updatedAt', width: 140, render: (at: string | null) => formatDateTime(at) },
              { title: '问法', dataIndex: 'paraphrases', width: 60, align: 'right', render: (p: string[]) => p.length },
              { title: '状态', dataIndex: 'enabled', width: 70, render: (e: boolean) => (e ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
              { title: '来源', dataIndex: 'source', width: 80, render: (s: string) => (s === 'admin' ? '本市编辑' : '初始内容') },
              {
                title: '操作',
                width: 120,
                render: (_: unknown, e) => (
                  <Space size={4}>
                    <Button size="small" type="link" onClick={() => setEditing(e)} data-testid="faq-edit">
                      编辑
                    </Button>
                    {e.enabled ? (
                      <Popconfirm title="停用后机器人不再用它作答，确定停用？" okText="停用" cancelText="取消" onConfirm={() => setEnabled(e, false)}>
                        <Button size="small" type="link" danger>
                          停用
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Button size="small" type="link" onClick={() => setEnabled(e, true)}>
                        启用
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Col>
        <Col span={8}>
          <TryIt entries={list.data ?? []} />
        </Col>
      </Row>
      {editing && (
        <FaqEditor
          entry={editing === 'new' ? null : editing}
          departments={[...new Set((list.data ?? []).map((e) => e.department))].sort()}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            void message.success('已保存，机器人即刻使用新内容');
            await list.reload();
          }}
        />
      )}
    </div>
  );
}

const linesOf = (text: string | undefined) => (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean);

function FaqEditor({ entry, departments, onClose, onSaved }: { entry: AdminFaqEntry | null; departments: string[]; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setError(null);
    try {
      const v = form.getFieldsValue();
      const values = {
        categoryId: v.categoryId,
        question: v.question ?? '',
        paraphrases: linesOf(v.paraphrases),
        answer: v.answer ?? '',
        localDetails: v.localDetails ?? '',
        localValue: v.localValue?.trim() ? v.localValue : null,
        // A new entry without one answers with its category's department.
        ...(entry || v.department?.trim() ? { department: v.department ?? '' } : {}),
      };
      setBusy(true);
      if (entry) {
        // Only what changed is sent.
        const before: Record<string, unknown> = { ...entry };
        const changed = Object.fromEntries(Object.entries(values).filter(([k, val]) => JSON.stringify(val) !== JSON.stringify(before[k])));
        const patch = checkWith(UpdateFaqEntrySchema, changed, form);
        if (!patch) return;
        await api('PATCH', `/api/admin/faq/${entry.id}`, { body: patch });
      } else {
        const input = checkWith(CreateFaqEntrySchema, values, form);
        if (!input) return;
        await api('POST', '/api/admin/faq', { body: input });
      }
      onSaved();
    } catch (err) {
      setError(serverError(err, form));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer
      open
      size={560}
      title={entry ? `编辑条目 · ${entry.id}` : '新增条目'}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="faq-save">
            保存
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        data-testid="faq-form"
        initialValues={
          entry
            ? { ...entry, paraphrases: entry.paraphrases.join('\n'), localValue: entry.localValue ?? '' }
            : { paraphrases: '', localDetails: '', localValue: '' }
        }
      >
        <Form.Item label="分类" name="categoryId">
          <Select options={CATEGORIES.map((c) => ({ value: c.id, label: c.name }))} placeholder="选择分类" />
        </Form.Item>
        <Form.Item label="答复部门（市民看到的“来源”）" name="department" extra={entry ? undefined : '不填则使用该分类的默认部门'}>
          <AutoComplete
            options={departments.map((d) => ({ value: d }))}
            filterOption={(input, option) => String(option?.value ?? '').includes(input)}
            maxLength={40}
            placeholder="如：市医疗保障局"
            data-testid="faq-department-input"
          />
        </Form.Item>
        <Form.Item label="标准问题" name="question">
          <Input maxLength={200} data-testid="faq-question" />
        </Form.Item>
        <Form.Item label="常见问法（每行一个）" name="paraphrases">
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item label="答案" name="answer">
          <Input.TextArea rows={6} maxLength={3000} showCount data-testid="faq-answer" />
        </Form.Item>
        <Form.Item label="本地信息说明（需要本市补充什么）" name="localDetails">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item label="本地信息（办理地点、电话、链接，附在答案后）" name="localValue">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} data-testid="faq-error" />}
      </Form>
    </Drawer>
  );
}

/** 试一试: one question through POST /api/chat/messages, as a citizen would send it. */
function TryIt({ entries }: { entries: AdminFaqEntry[] }) {
  const [form] = Form.useForm();
  const [answer, setAnswer] = useState<ChatMessageResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function ask() {
    setError(null);
    try {
      const input = checkWith(ChatMessageRequestSchema, { text: form.getFieldValue('text') ?? '' }, form);
      if (!input) return;
      setBusy(true);
      setAnswer(await api<ChatMessageResponse>('POST', '/api/chat/messages', { body: input, anonymous: true }));
    } catch (err) {
      setError(serverError(err, form));
    } finally {
      setBusy(false);
    }
  }

  const matched = answer?.faqId ? entries.find((e) => e.id === answer.faqId) : undefined;
  return (
    <Card size="small" title="试一试" data-testid="faq-try">
      <Typography.Paragraph type="secondary">像市民一样提问，查看机器人的理解与回答。每次提问都是新的对话。</Typography.Paragraph>
      <Form form={form} onFinish={ask}>
        <Form.Item name="text">
          <Input.TextArea rows={2} maxLength={500} placeholder="例如：公积金怎么提取？" data-testid="try-input" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="try-send">
          发送
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {answer && (
        <div style={{ marginTop: 16 }} data-testid="try-answer">
          <Descriptions
            size="small"
            column={1}
            bordered
            styles={{ label: { width: 84, whiteSpace: 'nowrap' } }}
            items={[
              { key: 'intent', label: '意图', children: INTENT_LABELS[answer.intent] ?? answer.intent },
              { key: 'category', label: '分类', children: categoryName(answer.categoryId) },
              { key: 'faq', label: '命中条目', children: answer.faqId ? (matched ? `${matched.question}（${answer.faqId}）` : answer.faqId) : '无' },
              { key: 'confidence', label: '置信度', children: `${(answer.confidence * 100).toFixed(0)}%` },
              ...(answer.source ? [{ key: 'source', label: '来源', children: `${answer.source.department} · 更新于 ${chinaDay(answer.source.updatedAt)}` }] : []),
            ]}
          />
          <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap', background: '#fafafa', padding: 12, borderRadius: 4 }} data-testid="try-reply">
            {answer.reply.text}
          </Typography.Paragraph>
          {answer.reply.suggestions.length > 0 && (
            <Typography.Text type="secondary">相关问题：{answer.reply.suggestions.map((s) => s.question).join('；')}</Typography.Text>
          )}
        </div>
      )}
    </Card>
  );
}
