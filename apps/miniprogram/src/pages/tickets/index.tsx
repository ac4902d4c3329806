// 我的工单: the citizen's tickets with status chips, due dates and overdue marks; pull down to refresh,
// more load at the bottom; signed-out and empty states say what to do next.
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { findCategory, TICKET_KIND_LABELS, type TicketSummary } from '@minhu/shared';
import { useEffect, useReducer, useRef, useState } from 'react';
import { api } from '../../api/minhu-api';
import { toUserMessage } from '../../api/errors';
import { session } from '../../api/session';
import { CareSwitch } from '../../components/CareSwitch';
import { EmptyState, ErrorState, LoadingState } from '../../components/ErrorState';
import { PageShell } from '../../components/PageShell';
import { StatusTag, TicketMarks } from '../../components/StatusTag';
import { ensureSignedIn, signOut } from '../../lib/auth';
import { formatDue, formatShortDateTime } from '../../lib/format';
import { go, ROUTES, TAB } from '../../lib/routes';
import { initialTicketList, ticketListReducer } from './ticket-list';
import './index.scss';

function TicketCard(props: { t: TicketSummary }) {
  const { t } = props;
  const due = formatDue(t.dueAt, t.overdue);
  const category = t.categoryId ? findCategory(t.categoryId)?.name : null;
  return (
    <View className={`mh-card mh-tcard${t.overdue ? ' mh-tcard--overdue' : ''}`} onClick={() => go(ROUTES.ticket(t.id))} data-testid="ticket-card" data-ticket-id={t.id}>
      <View className="mh-tcard__head">
        <StatusTag status={t.status} />
        <TicketMarks urgent={t.urgent} overdue={t.overdue} />
      </View>
      <Text className="mh-tcard__excerpt">{t.excerpt}</Text>
      <Text className="mh-muted">
        {TICKET_KIND_LABELS[t.kind]}
        {category ? ` · ${category}` : ''} · {formatShortDateTime(t.createdAt)} 提交
      </Text>
      {due && <Text className={t.overdue ? 'mh-tcard__due mh-tcard__due--over' : 'mh-tcard__due'}>{due}</Text>}
      <Text className="mh-tcard__number">工单号 {t.number} ›</Text>
    </View>
  );
}

/** Signing out also wipes this device's drafts, chat history and saved numbers: say so first. */
async function confirmSignOut(done: () => void) {
  const r = await Taro.showModal({ title: '退出登录？', content: '退出后，本机保存的草稿、照片、对话记录和回访电话都会被清除。', confirmText: '退出', cancelText: '取消' });
  if (!r.confirm) return;
  await signOut();
  done();
}

export default function TicketsPage() {
  const [state, dispatch] = useReducer(ticketListReducer, initialTicketList);
  const [signedIn, setSignedIn] = useState(() => !!session.token());
  const loading = useRef(false);

  useEffect(() => session.subscribe((s) => setSignedIn(!!s)), []);

  const load = async () => {
    if (loading.current) return;
    loading.current = true;
    dispatch({ type: 'load' });
    try {
      const page = await api.tickets.list(undefined, 20);
      dispatch({ type: 'loaded', items: page.items, nextCursor: page.nextCursor });
    } catch (e) {
      dispatch({ type: 'loadFailed', error: toUserMessage(e) });
    } finally {
      loading.current = false;
      Taro.stopPullDownRefresh();
    }
  };

  const loadMore = async () => {
    if (loading.current || !state.nextCursor || state.phase !== 'idle') return;
    loading.current = true;
    dispatch({ type: 'more' });
    try {
      const page = await api.tickets.list(state.nextCursor, 20);
      dispatch({ type: 'moreLoaded', items: page.items, nextCursor: page.nextCursor });
    } catch (e) {
      dispatch({ type: 'moreFailed', error: toUserMessage(e) });
    } finally {
      loading.current = false;
    }
  };

  useDidShow(() => {
    if (session.token()) void load();
  });
  usePullDownRefresh(() => {
    if (session.token()) void load();
    else Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void loadMore());

  const login = async () => {
    if (await ensureSignedIn(TAB.tickets)) void load();
  };

  let body: React.ReactNode;
  if (!signedIn) {
    body = <EmptyState title="登录后查看您的工单" description="登录后可以查看办理进度、评价办理结果。" actionText={process.env.TARO_ENV === 'weapp' ? '微信一键登录' : '手机号登录'} onAction={() => void login()} />;
  } else if (!state.loaded && state.error) {
    body = <ErrorState message={state.error} onRetry={() => void load()} />;
  } else if (!state.loaded) {
    body = <LoadingState />;
  } else if (state.items.length === 0) {
    body = <EmptyState title="您还没有反映过问题" description="遇到需要政府部门处理的问题，可以在这里反映。" actionText="我要反映" onAction={() => go(TAB.report)} />;
  } else {
    body = (
      <View data-testid="ticket-list">
        {state.error && <ErrorState compact message={`刷新失败：${state.error}`} onRetry={() => void load()} />}
        {state.items.map((t) => (
          <TicketCard key={t.id} t={t} />
        ))}
        <View className="mh-tickets__foot">
          {state.phase === 'more' && <Text className="mh-muted">正在加载更多…</Text>}
          {state.moreError && <ErrorState compact message={state.moreError} onRetry={() => void loadMore()} retryText="重新加载" />}
          {state.phase === 'idle' && !state.moreError && state.nextCursor && (
            <Button block onClick={() => void loadMore()} data-testid="load-more">
              加载更多
            </Button>
          )}
          {!state.nextCursor && <Text className="mh-muted">没有更多了</Text>}
        </View>
      </View>
    );
  }

  const phone = session.get()?.citizen.phoneMasked;
  return (
    <PageShell className="mh-tickets" testId="page-tickets">
      {signedIn && (
        <View className="mh-tickets__bar">
          <Text className="mh-muted">{phone ? `已登录：${phone}` : '已登录'}</Text>
          <View className="mh-row">
            <Button size="small" onClick={() => void load()} loading={state.phase === 'loading'} data-testid="refresh-tickets">
              刷新
            </Button>
            <Button size="small" fill="none" onClick={() => void confirmSignOut(() => dispatch({ type: 'reset' }))} data-testid="sign-out">
              退出登录
            </Button>
          </View>
        </View>
      )}
      {signedIn && state.loaded && <Text className="mh-muted mh-tickets__tip">下拉可以刷新</Text>}
      {body}
      <CareSwitch />
    </PageShell>
  );
}
