// The console's frame: sign-in gate, side menu by role (the shared STAFF_PERMISSIONS table, the same one
// the gateway enforces), the current screen (each loaded on demand),
// and the end of a session (expiry, disabled account, password reset) back to sign-in with a message.
import { STAFF_ROLE_LABELS, staffMay, type StaffPermission } from '@minhu/shared';
import { Button, Layout, Menu, Result, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { endSession, onSessionEnded } from './api/client';
import { clearSession, loadSession, saveSession, takeExpiredSession, type Session } from './api/session';
import { href, navigate, useRoute } from './lib/router';
import { ScreenBoundary } from './components/ScreenBoundary';
import { LoginPage } from './pages/LoginPage';

const QueuePage = lazy(() => import('./pages/QueuePage'));
const TicketPage = lazy(() => import('./pages/TicketPage'));
const SupervisionPage = lazy(() => import('./pages/SupervisionPage'));
const StatsPage = lazy(() => import('./pages/StatsPage'));
const FaqPage = lazy(() => import('./pages/FaqPage'));
const OutboxPage = lazy(() => import('./pages/OutboxPage'));
const StaffPage = lazy(() => import('./pages/StaffPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));

const EXPIRED = '登录已过期，请重新登录';

interface Screen {
  key: string;
  label: string;
  /** What the screen needs (packages/shared STAFF_PERMISSIONS). */
  needs: StaffPermission;
}

const SCREENS: Screen[] = [
  { key: 'tickets', label: '工单队列', needs: 'tickets.read' },
  { key: 'supervision', label: '督办', needs: 'tickets.read' },
  { key: 'stats', label: '统计', needs: 'tickets.read' },
  { key: 'faq', label: '知识库', needs: 'faq.edit' },
  { key: 'outbox', label: '推送失败', needs: 'outbox.manage' },
  { key: 'staff', label: '账号', needs: 'staff.manage' },
  { key: 'audit', label: '审计日志', needs: 'audit.read' },
];

function screenOf(route: string, id: string | undefined): ReactNode {
  switch (route) {
    case 'tickets':
      // Keyed: a link from one ticket to another (同一事件) starts the page afresh.
      return id ? <TicketPage key={id} id={id} /> : <QueuePage />;
    case 'supervision':
      return <SupervisionPage />;
    case 'stats':
      return <StatsPage />;
    case 'faq':
      return <FaqPage />;
    case 'outbox':
      return <OutboxPage />;
    case 'staff':
      return <StaffPage />;
    case 'audit':
      return <AuditPage />;
    default:
      return <Result status="404" title="页面不存在" extra={<Button onClick={() => navigate(href('tickets'))}>回到工单队列</Button>} />;
  }
}

export function Shell() {
  const { route } = useRoute();
  const [session, setSession] = useState<Session | null>(() => loadSession());
  const [endedMessage, setEndedMessage] = useState<string | null>(() => (takeExpiredSession() ? EXPIRED : null));

  const signOut = useCallback((message: string | null) => {
    clearSession();
    setSession(null);
    setEndedMessage(message);
    navigate(href('login'), { replace: true });
  }, []);

  useEffect(() => onSessionEnded((message) => signOut(message)), [signOut]);
  // The token's own expiry also ends the session, even on a screen that sends nothing.
  useEffect(() => {
    if (!session) return;
    const left = new Date(session.expiresAt).getTime() - Date.now();
    const timer = setTimeout(() => endSession(EXPIRED), Math.max(0, Math.min(left, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [session]);

  const [top, id] = route.split('/');
  useEffect(() => {
    if (!session && top !== 'login') navigate(href('login'), { replace: true });
    if (session && (top === 'login' || top === '')) navigate(href('tickets'), { replace: true });
  }, [session, top]);

  if (!session || top === 'login') {
    return (
      <LoginPage
        notice={endedMessage}
        onSignedIn={(s) => {
          saveSession(s);
          setEndedMessage(null);
          setSession(s);
        }}
      />
    );
  }

  const role = session.staff.role;
  const isAdmin = role === 'admin';
  const screens = SCREENS.filter((s) => staffMay(role, s.needs));
  const current = SCREENS.find((s) => s.key === top);
  const allowed = !current || staffMay(role, current.needs);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={184} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '18px 20px 12px', fontWeight: 600, fontSize: 16 }}>
          民呼 · 12345
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, fontWeight: 400 }}>
            热线工作台
          </Typography.Text>
        </div>
        <Menu
          mode="inline"
          selectedKeys={current ? [current.key] : []}
          items={screens.map((s) => ({ key: s.key, label: <a href={href(s.key)} onClick={(e) => e.preventDefault()}>{s.label}</a> }))}
          onClick={({ key }) => navigate(href(key))}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 12, paddingInline: 24, height: 56 }}>
          <span data-testid="signed-in-as">
            {session.staff.name} <Tag color={isAdmin ? 'red' : 'blue'}>{STAFF_ROLE_LABELS[session.staff.role]}</Tag>
          </span>
          <Button onClick={() => signOut(null)}>退出登录</Button>
        </Layout.Header>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <ScreenBoundary key={route}>
            <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>
              {allowed ? screenOf(top ?? '', id) : <Result status="403" title="没有权限" subTitle="您的账号不能使用该页面" />}
            </Suspense>
          </ScreenBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
