// 账号 (admin): staff accounts — add one (its generated password is shown once), rename it or change
// its role, disable or enable it, reset its password (shown once; its old sessions end).
import { CreateStaffSchema, STAFF_ROLE_LABELS, STAFF_ROLES, UpdateStaffSchema, type StaffAccount } from '@minhu/shared';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { loadSession } from '../api/session';
import { checkWith, serverError } from '../lib/form';
import { useLoad } from '../lib/hooks';
import { formatDateTime } from '../lib/time';

const roleOptions = STAFF_ROLES.map((r) => ({ value: r, label: STAFF_ROLE_LABELS[r] }));

export default function StaffPage() {
  const { message } = App.useApp();
  const list = useLoad((signal) => api<{ items: StaffAccount[] }>('GET', '/api/admin/staff', { signal }).then((r) => r.items), []);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<StaffAccount | null>(null);
  const [shown, setShown] = useState<{ staff: StaffAccount; password: string; reason: string } | null>(null);
  const me = loadSession()?.staff.username;

  async function act(path: string, done: string) {
    try {
      const res = await api<{ staff: StaffAccount; password?: string }>('POST', path);
      if (res.password) setShown({ staff: res.staff, password: res.password, reason: '密码已重置，旧密码和已登录的会话随即失效。' });
      else void message.success(done);
      await list.reload();
    } catch (err) {
      void message.error(serverError(err));
    }
  }

  return (
    <div data-testid="page-staff">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          账号
        </Typography.Title>
        <Button type="primary" onClick={() => setAdding(true)} data-testid="staff-add">
          新增账号
        </Button>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Table<StaffAccount>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        data-testid="staff-table"
        columns={[
          { title: '用户名', dataIndex: 'username', render: (u: string) => <span data-username={u}>{u}</span> },
          { title: '显示名', dataIndex: 'name' },
          { title: '角色', dataIndex: 'role', width: 100, render: (r: StaffAccount['role']) => <Tag color={r === 'admin' ? 'red' : 'blue'}>{STAFF_ROLE_LABELS[r]}</Tag> },
          { title: '状态', dataIndex: 'disabled', width: 90, render: (d: boolean) => (d ? <Tag>已停用</Tag> : <Tag color="green">正常</Tag>) },
          { title: '创建时间', dataIndex: 'createdAt', width: 160, render: (a: string) => formatDateTime(a) },
          { title: '最近登录', dataIndex: 'lastSignInAt', width: 160, render: (a: string | null) => formatDateTime(a) },
          {
            title: '操作',
            width: 260,
            render: (_: unknown, s) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setEditing(s)}>
                  修改
                </Button>
                {s.username !== me &&
                  (s.disabled ? (
                    <Button size="small" type="link" onClick={() => act(`/api/admin/staff/${s.id}/enable`, '已启用')}>
                      启用
                    </Button>
                  ) : (
                    <Popconfirm title={`停用「${s.name}」？其登录立即失效。`} okText="停用" cancelText="取消" onConfirm={() => act(`/api/admin/staff/${s.id}/disable`, '已停用')}>
                      <Button size="small" type="link" danger>
                        停用
                      </Button>
                    </Popconfirm>
                  ))}
                <Popconfirm title={`为「${s.name}」生成新密码？旧密码随即失效。`} okText="重置" cancelText="取消" onConfirm={() => act(`/api/admin/staff/${s.id}/reset-password`, '')}>
                  <Button size="small" type="link">
                    重置密码
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {adding && (
        <StaffForm
          onClose={() => setAdding(false)}
          onSaved={(staff, password) => {
            setAdding(false);
            if (password) setShown({ staff, password, reason: '账号已创建。' });
            void list.reload();
          }}
        />
      )}
      {editing && (
        <StaffForm
          staff={editing}
          self={editing.username === me}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success('已保存');
            void list.reload();
          }}
        />
      )}
      <Modal open={Boolean(shown)} title="请记下密码" onOk={() => setShown(null)} onCancel={() => setShown(null)} okText="我已记下" cancelButtonProps={{ style: { display: 'none' } }} data-testid="password-modal">
        {shown && (
          <>
            <Typography.Paragraph>{shown.reason} 用户名「{shown.staff.username}」的密码如下，只显示这一次，请转交本人并提醒其妥善保管。</Typography.Paragraph>
            <Typography.Paragraph copyable={{ text: shown.password, tooltips: ['复制', '已复制'] }} code style={{ fontSize: 18 }} data-testid="shown-password">
              {shown.password}
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </div>
  );
}

function StaffForm({ staff, self, onClose, onSaved }: { staff?: StaffAccount; self?: boolean; onClose: () => void; onSaved: (s: StaffAccount, password?: string) => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save() {
    setError(null);
    try {
      const v = form.getFieldsValue();
      if (staff) {
        const changed = Object.fromEntries(Object.entries({ name: v.name, role: v.role }).filter(([k, val]) => val !== (staff as unknown as Record<string, unknown>)[k]));
        const patch = checkWith(UpdateStaffSchema, changed, form);
        if (!patch) return;
        setBusy(true);
        const res = await api<{ staff: StaffAccount }>('PATCH', `/api/admin/staff/${staff.id}`, { body: patch });
        onSaved(res.staff);
      } else {
        const input = checkWith(CreateStaffSchema, { username: v.username ?? '', role: v.role, ...(v.name?.trim() ? { name: v.name } : {}) }, form);
        if (!input) return;
        setBusy(true);
        const res = await api<{ staff: StaffAccount; password: string }>('POST', '/api/admin/staff', { body: input });
        onSaved(res.staff, res.password);
      }
    } catch (err) {
      setError(serverError(err, form));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open title={staff ? `修改账号 · ${staff.username}` : '新增账号'} okText="保存" cancelText="取消" onOk={() => form.submit()} onCancel={onClose} confirmLoading={busy} destroyOnHidden okButtonProps={{ 'data-testid': 'staff-save' } as Record<string, string>}>
      <Form form={form} layout="vertical" onFinish={save} initialValues={staff ? { name: staff.name, role: staff.role } : { role: 'operator' }} data-testid="staff-form">
        {!staff && (
          <Form.Item label="用户名" name="username" extra="2–50 位字母、数字或 _ . -，登录时使用">
            <Input autoComplete="off" data-testid="staff-username" />
          </Form.Item>
        )}
        <Form.Item label="显示名（办理记录中显示）" name="name">
          <Input maxLength={50} placeholder={staff ? undefined : '默认同用户名'} data-testid="staff-name" />
        </Form.Item>
        <Form.Item label="角色" name="role" extra={self ? '不能修改自己的角色' : '管理员还可管理账号、知识库和推送失败'}>
          <Select options={roleOptions} disabled={self} data-testid="staff-role" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} data-testid="staff-error" />}
      </Form>
    </Modal>
  );
}
