// 登录: staff sign in with user name and password; the session lasts for this tab.
import { StaffLoginSchema, type StaffSession } from '@minhu/shared';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import type { Session } from '../api/session';
import { checkWith, serverError } from '../lib/form';

export function LoginPage({ notice, onSignedIn }: { notice: string | null; onSignedIn: (s: Session) => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setError(null);
    try {
      const input = checkWith(StaffLoginSchema, form.getFieldsValue(), form);
      if (!input) return;
      setBusy(true);
      const s = await api<StaffSession>('POST', '/api/staff/session', { body: input, anonymous: true });
      onSignedIn({ token: s.token, expiresAt: s.expiresAt, staff: s.staff });
    } catch (err) {
      setError(serverError(err, form));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 400 }} data-testid="page-login">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          民呼 · 12345 热线工作台
        </Typography.Title>
        <Typography.Paragraph type="secondary">话务员与管理员登录。登录状态仅在本标签页内保持。</Typography.Paragraph>
        {notice && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} data-testid="login-notice" />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="用户名" name="username">
            <Input autoComplete="username" autoFocus data-testid="login-username" />
          </Form.Item>
          <Form.Item label="密码" name="password">
            <Input.Password autoComplete="current-password" data-testid="login-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
