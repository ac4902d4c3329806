// 工单详情: where the ticket stands (timeline with department and reply), its photos and videos, the
// due date, the rating card during the callback, and what the citizen can do next: withdraw before
// acceptance, urge once overdue (催办), ask for it to be handled again (申请重办), and on the
// mini-program subscribe to progress messages.
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  findCategory,
  isFinalStatus,
  TICKET_KIND_LABELS,
  type RateTicket,
  type ReopenRequest,
  type SubscriptionState,
  type TicketDetail,
  type WithdrawTicket,
} from '@minhu/shared';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/minhu-api';
import { isApiError, toUserMessage } from '../../api/errors';
import { ErrorState, LoadingState } from '../../components/ErrorState';
import { PageShell } from '../../components/PageShell';
import { RatingCard } from '../../components/RatingCard';
import { StatusTag, TicketMarks } from '../../components/StatusTag';
import { Timeline } from '../../components/Timeline';
import { ensureSignedIn } from '../../lib/auth';
import { formatDateTime, formatDue } from '../../lib/format';
import { back, ROUTES } from '../../lib/routes';
import { subscriptionSupported } from '../../lib/subscribe';
import { MediaGrid } from './MediaGrid';
import { ReopenCard } from './ReopenCard';
import { SubscribeCard } from './SubscribeCard';
import { UrgeCard } from './UrgeCard';
import { WithdrawCard } from './WithdrawCard';
import './index.scss';

const SATISFACTION: Record<RateTicket['satisfaction'], string> = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' };

export default function TicketDetailPage() {
  const id = useRouter().params.id ?? '';
  const [ticket, setTicket] = useState<TicketDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rating, setRating] = useState(false);
  const [ratingError, setRatingError] = useState<string | null>(null);
  const [subscriptions, setSubscriptions] = useState<SubscriptionState | null>(null);
  const subscriptionsAt = useRef(0);

  const load = async (signInAgain = true): Promise<TicketDetail | null> => {
    setError(null);
    try {
      const { ticket: t } = await api.tickets.get(id);
      setTicket(t);
      return t;
    } catch (e) {
      const expired = isApiError(e) && e.kind === 'unauthorized';
      // Signed in again (silently with WeChat on the mini-program): show the ticket, trying once.
      if (expired && signInAgain && (await ensureSignedIn(ROUTES.ticket(id)))) {
        void loadSubscriptions(); // refused too while signed out
        return load(false);
      }
      setError(toUserMessage(e));
      return null;
    } finally {
      Taro.stopPullDownRefresh();
    }
  };

  /** Templates and grants left for the subscription prompt (mini-program only; no prompt when this fails). */
  const loadSubscriptions = async () => {
    if (!subscriptionSupported) return;
    subscriptionsAt.current = Date.now();
    try {
      setSubscriptions((await api.me.get()).subscriptions);
    } catch {
      setSubscriptions(null);
    }
  };

  useEffect(() => {
    if (!id) setError('没有找到这个工单');
    else void load();
    void loadSubscriptions();
  }, [id]);
  usePullDownRefresh(() => {
    void load();
    void loadSubscriptions(); // grants may have been spent on messages meanwhile
  });
  // Back on the page, the grants may have been spent on messages meanwhile (the first show loads above).
  useDidShow(() => {
    if (Date.now() - subscriptionsAt.current > 2000) void loadSubscriptions();
  });

  const rate = async (value: RateTicket) => {
    setRating(true);
    setRatingError(null);
    try {
      setTicket(await api.tickets.rate(id, value));
      Taro.showToast({ title: '感谢您的评价', icon: 'success' });
    } catch (e) {
      setRatingError(`${toUserMessage(e)}（您填写的内容还在，可以再点“提交评价”）`);
    } finally {
      setRating(false);
    }
  };

  /** A ticket action: the answer is the ticket as it now stands; a failure is shown by the form that asked. */
  const act = async (run: () => Promise<TicketDetail>, done: string) => {
    setTicket(await run());
    Taro.showToast({ title: done, icon: 'success' });
  };
  const withdraw = (value: WithdrawTicket) => act(() => api.tickets.withdraw(id, value), '已撤回');
  const urge = () => act(() => api.tickets.urge(id), '已催办');
  const requestReopen = (value: ReopenRequest) => act(() => api.tickets.requestReopen(id, value), '已申请重办');

  if (!ticket) {
    return (
      <PageShell testId="page-ticket">
        {error ? <ErrorState message={error} onRetry={id ? () => void load() : () => back()} retryText={id ? '重试' : '返回'} /> : <LoadingState />}
      </PageShell>
    );
  }

  const t = ticket;
  const due = formatDue(t.dueAt, t.overdue);
  const category = t.categoryId ? findCategory(t.categoryId)?.name : null;
  return (
    <PageShell className="mh-ticket" testId="page-ticket">
      {error && <ErrorState compact message={`刷新失败：${error}`} onRetry={() => void load()} />}
      <View className="mh-card">
        <View className="mh-ticket__head">
          <StatusTag status={t.status} />
          <TicketMarks urgent={t.urgent} overdue={t.overdue} />
        </View>
        <Text className="mh-ticket__number" userSelect>
          工单号 {t.number}
        </Text>
        <Text className="mh-muted">
          {TICKET_KIND_LABELS[t.kind]}
          {category ? ` · ${category}` : ''} · {formatDateTime(t.createdAt)} 提交
        </Text>
        {t.incidentReporters !== null && t.incidentReporters >= 2 && (
          <Text className="mh-ticket__reporters" data-testid="incident-reporters">
            已有 {t.incidentReporters} 位市民反映此问题
          </Text>
        )}
        {due && (
          <Text className={`mh-ticket__due${t.overdue ? ' mh-ticket__due--over' : ''}`} data-testid="ticket-due">
            {due}
          </Text>
        )}
      </View>

      {t.canRate && <RatingCard onSubmit={rate} submitting={rating} error={ratingError} />}
      <ReopenCard ticket={t} onRequest={requestReopen} />
      {!isFinalStatus(t.status) && <UrgeCard ticket={t} onUrge={urge} />}
      {!isFinalStatus(t.status) && <SubscribeCard subscriptions={subscriptions} onChange={setSubscriptions} />}

      <View className="mh-card">
        <Text className="mh-title">办理进度</Text>
        <View className="mh-gap" />
        <Timeline entries={t.timeline} />
      </View>

      {t.ratings.length > 0 && (
        <View className="mh-card" data-testid="ratings">
          <Text className="mh-title">我的评价</Text>
          {t.ratings.map((r) => (
            <View key={`${r.round}-${r.at}`} className="mh-ticket__rating">
              <Text>
                第 {r.round} 次：{SATISFACTION[r.satisfaction]} · {r.resolved ? '已解决' : '未解决'}
              </Text>
              {r.comment && <Text className="mh-muted">“{r.comment}”</Text>}
              <Text className="mh-muted">{formatDateTime(r.at)}</Text>
            </View>
          ))}
        </View>
      )}

      <View className="mh-card">
        <Text className="mh-title">问题描述</Text>
        <Text className="mh-ticket__desc" userSelect>
          {t.description}
        </Text>
        {t.location && <Text className="mh-muted">地点：{t.location.address}</Text>}
        {t.contactPhoneMasked && <Text className="mh-muted">回访电话：{t.contactPhoneMasked}</Text>}
        {t.anonymous && <Text className="mh-muted">匿名反映</Text>}
      </View>

      {t.media.length > 0 && (
        <View className="mh-card">
          <Text className="mh-title">照片和视频</Text>
          <MediaGrid media={t.media} refresh={async () => (await load())?.media ?? t.media} />
        </View>
      )}

      {t.canWithdraw && <WithdrawCard onWithdraw={withdraw} />}
    </PageShell>
  );
}
