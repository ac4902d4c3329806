// 工单详情: where the ticket stands (timeline with department and reply), its photos and videos, the
// due date, the rating card during the callback, and withdrawal before acceptance.
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { findCategory, TICKET_KIND_LABELS, type RateTicket, type TicketDetail } from '@minhu/shared';
import { useEffect, useState } from 'react';
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
import { MediaGrid } from './MediaGrid';
import './index.scss';

const SATISFACTION: Record<RateTicket['satisfaction'], string> = { satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' };

export default function TicketDetailPage() {
  const id = useRouter().params.id ?? '';
  const [ticket, setTicket] = useState<TicketDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rating, setRating] = useState(false);
  const [ratingError, setRatingError] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);

  const load = async (): Promise<TicketDetail | null> => {
    setError(null);
    try {
      const { ticket: t } = await api.tickets.get(id);
      setTicket(t);
      return t;
    } catch (e) {
      setError(toUserMessage(e));
      if (isApiError(e) && e.kind === 'unauthorized') void ensureSignedIn(ROUTES.ticket(id));
      return null;
    } finally {
      Taro.stopPullDownRefresh();
    }
  };

  useEffect(() => {
    if (!id) setError('没有找到这个工单');
    else void load();
  }, [id]);
  usePullDownRefresh(() => void load());

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

  const withdraw = async () => {
    const r = await Taro.showModal({ title: '确定撤回这个工单吗？', content: '撤回后热线将不再办理，如有需要可以重新反映。', confirmText: '撤回', cancelText: '不撤回' });
    if (!r.confirm) return;
    setWithdrawing(true);
    try {
      setTicket(await api.tickets.withdraw(id, {}));
      Taro.showToast({ title: '已撤回', icon: 'success' });
    } catch (e) {
      Taro.showModal({ title: '撤回没有成功', content: toUserMessage(e), showCancel: false, confirmText: '知道了' });
    } finally {
      setWithdrawing(false);
    }
  };

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
        {due && (
          <Text className={`mh-ticket__due${t.overdue ? ' mh-ticket__due--over' : ''}`} data-testid="ticket-due">
            {due}
          </Text>
        )}
      </View>

      {t.canRate && <RatingCard onSubmit={rate} submitting={rating} error={ratingError} />}

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

      {t.canWithdraw && (
        <View className="mh-card">
          <Button block size="large" type="danger" fill="outline" loading={withdrawing} onClick={() => void withdraw()} data-testid="withdraw-button">
            撤回工单
          </Button>
          <Text className="mh-muted">热线受理之前可以撤回。</Text>
        </View>
      )}
    </PageShell>
  );
}
