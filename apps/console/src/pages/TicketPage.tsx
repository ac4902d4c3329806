// 工单详情: what the citizen reported (description, place with a map link, photos and videos), who they
// are (masked phone; the full number on request for the callback, from the audited reveal-phone), the
// due clock and the "1345" milestones,
// the timeline and ratings — and the actions allowed now.
import {
  OPERATOR_ACTION_LABELS,
  SUPERVISION_MILESTONE_LABELS,
  TICKET_CHANNEL_LABELS,
  TICKET_KIND_LABELS,
  type OperatorTicketDetail,
  type RevealPhoneResponse,
} from '@minhu/shared';
import { Alert, App, Button, Card, Col, Descriptions, Result, Row, Space, Spin, Steps, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../api/client';
import { StatusTag } from '../components/StatusTag';
import { serverError } from '../lib/form';
import { useLoad } from '../lib/hooks';
import { categoryName, departmentName } from '../lib/labels';
import { href, Link } from '../lib/router';
import { dueText, formatDateTime } from '../lib/time';
import { ActionPanel } from './ticket/ActionPanel';
import { IncidentPanel, SuggestedDepartments } from './ticket/DispatchPanels';
import { mapLink } from './ticket/map-link';
import { TicketMedia } from './ticket/TicketMedia';
import { TicketRatings, TicketTimeline } from './ticket/TicketHistory';

export default function TicketPage({ id }: { id: string }) {
  const { message } = App.useApp();
  const [override, setOverride] = useState<OperatorTicketDetail | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  /** The full number once revealed (each reveal is recorded in the audit log). */
  const [phone, setPhone] = useState<string | null>(null);
  const [revealing, setRevealing] = useState(false);
  const loaded = useLoad((signal) => api<{ ticket: OperatorTicketDetail }>('GET', `/api/operator/tickets/${id}`, { signal }).then((r) => r.ticket), [id]);
  const ticket = override ?? loaded.data;
  const revealPhone = useCallback(async () => {
    setRevealing(true);
    try {
      const res = await api<RevealPhoneResponse>('POST', `/api/operator/tickets/${id}/reveal-phone`);
      if (res.phone) setPhone(res.phone);
      else void message.info('该工单没有回访号码');
    } catch (err) {
      void message.error(serverError(err));
    } finally {
      setRevealing(false);
    }
  }, [id, message]);
  const renew = useCallback(() => {
    setOverride(null);
    void loaded.reload();
  }, [loaded]);

  if (loaded.error && !ticket) return <Result status="warning" title={loaded.error} extra={<Link to={href('tickets')}>回到工单队列</Link>} />;
  if (!ticket) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const due = dueText(ticket.dueAt);
  const map = mapLink(ticket);
  const m = ticket.milestones;
  const milestoneSteps = [
    { key: 'accept', title: '确认受理', at: m.acceptBy },
    { key: 'feedback', title: '反馈结果', at: m.feedbackBy },
    { key: 'review', title: '跟踪回访', at: m.reviewBy },
    { key: 'close', title: '办结', at: m.closeBy },
  ];
  const nextIndex = milestoneSteps.findIndex((s) => s.key === ticket.next?.milestone);

  return (
    <div data-testid="page-ticket">
      <div style={{ marginBottom: 8 }}>
        <Link to={href('tickets')}>← 返回工单队列</Link>
      </div>
      <Space align="center" wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="ticket-number">
          {ticket.number}
        </Typography.Title>
        <StatusTag status={ticket.status} />
        <Tag>{TICKET_KIND_LABELS[ticket.kind]}</Tag>
        <Tag>{categoryName(ticket.categoryId)}</Tag>
        {ticket.urgent && <Tag color="red">紧急求助</Tag>}
        {ticket.needsReview && <Tag color="magenta">不满意待复核</Tag>}
        {ticket.overdue && <Tag color="red">已超时（督办）</Tag>}
        {ticket.incident && (
          <Tag color="purple" data-testid="ticket-incident-tag">
            同一事件 · {ticket.incident.ticketIds.length} 张
          </Tag>
        )}
      </Space>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setConflict(null) }}
          title="工单已被他人更新，操作未执行"
          description={`${conflict}。下面是工单的最新状态，请确认后再操作。`}
          style={{ marginBottom: 16 }}
          data-testid="conflict-alert"
        />
      )}
      <Row gutter={16}>
        <Col span={15}>
          <Card title="诉求内容" size="small" style={{ marginBottom: 16 }}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="ticket-description">
              {ticket.description}
            </Typography.Paragraph>
            <Descriptions
              size="small"
              column={2}
              items={[
                {
                  key: 'address',
                  label: '地址',
                  span: 2,
                  children: ticket.location ? (
                    <Space wrap>
                      {[ticket.location.district, ticket.location.street, ticket.location.address].filter(Boolean).join(' ')}
                      {typeof ticket.location.lat === 'number' && (
                        <Typography.Text type="secondary">
                          （{ticket.location.lat.toFixed(5)}, {ticket.location.lng?.toFixed(5)}）
                        </Typography.Text>
                      )}
                      {map && (
                        <a href={map} target="_blank" rel="noopener noreferrer" data-testid="map-link">
                          在地图中打开
                        </a>
                      )}
                    </Space>
                  ) : (
                    '未填写'
                  ),
                },
                {
                  key: 'phone',
                  label: '联系电话',
                  children: ticket.contactPhoneMasked ? (
                    <Space wrap size={4}>
                      <span data-testid="ticket-phone">{phone ?? ticket.contactPhoneMasked}</span>
                      {phone ? (
                        <Button size="small" type="link" onClick={() => setPhone(null)}>
                          隐藏
                        </Button>
                      ) : (
                        <Button size="small" type="link" loading={revealing} onClick={() => void revealPhone()} data-testid="reveal-phone">
                          显示完整号码
                        </Button>
                      )}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {phone ? '已记录本次查看' : '（查看将被记录）'}
                      </Typography.Text>
                    </Space>
                  ) : (
                    '未提供'
                  ),
                },
                { key: 'anonymous', label: '匿名', children: ticket.anonymous ? '是（对承办单位隐藏身份）' : '否' },
                { key: 'channel', label: '渠道', children: TICKET_CHANNEL_LABELS[ticket.channel] },
                { key: 'created', label: '提交时间', children: formatDateTime(ticket.createdAt) },
                { key: 'dept', label: '承办单位', children: departmentName(ticket.ownerDepartment) },
                { key: 'round', label: '办理轮次', children: `第 ${ticket.round} 轮` },
                ...(ticket.hotlineRef ? [{ key: 'ref', label: '热线编号', children: ticket.hotlineRef }] : []),
              ]}
            />
          </Card>
          <Card title="照片与视频" size="small" style={{ marginBottom: 16 }}>
            <TicketMedia media={ticket.media} renew={renew} />
          </Card>
          <Card title="办理记录" size="small" style={{ marginBottom: 16 }}>
            <TicketTimeline ticket={ticket} />
          </Card>
          <Card title="评价" size="small">
            <TicketRatings ticket={ticket} />
          </Card>
        </Col>
        <Col span={9}>
          <Card title="办理" size="small" style={{ marginBottom: 16 }}>
            <ActionPanel
              ticket={ticket}
              onDone={(t, action) => {
                setConflict(null);
                setOverride(t);
                void message.success(`已${OPERATOR_ACTION_LABELS[action]}`);
              }}
              onConflict={(msg) => {
                setConflict(msg);
                renew();
              }}
            />
          </Card>
          <Card title="建议派单部门" size="small" style={{ marginBottom: 16 }}>
            <SuggestedDepartments ticket={ticket} />
          </Card>
          <Card title="同一事件" size="small" style={{ marginBottom: 16 }}>
            <IncidentPanel
              ticket={ticket}
              onChanged={(t, done) => {
                setConflict(null);
                setOverride(t);
                void message.success(done);
              }}
            />
          </Card>
          <Card title="时限与督办" size="small">
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'due',
                  label: '办理时限',
                  children: ticket.dueAt ? (
                    <span>
                      {formatDateTime(ticket.dueAt)} {due && <Typography.Text type={due.overdue ? 'danger' : 'secondary'}>（{due.text}）</Typography.Text>}
                    </span>
                  ) : (
                    '已结束'
                  ),
                },
                {
                  key: 'next',
                  label: '当前节点',
                  children: ticket.next ? (
                    <span data-testid="ticket-next">
                      {SUPERVISION_MILESTONE_LABELS[ticket.next.milestone]}，{formatDateTime(ticket.next.deadline)}前
                      {(() => {
                        const d = dueText(ticket.next.deadline);
                        return d ? <Typography.Text type={d.overdue ? 'danger' : 'secondary'}>（{d.text}）</Typography.Text> : null;
                      })()}
                    </span>
                  ) : (
                    '—'
                  ),
                },
                ...(m.urgent
                  ? [
                      { key: 'contact', label: '30 分钟内联系', children: formatDateTime(m.urgent.contactBy) },
                      { key: 'onsite', label: '1 小时内到场', children: formatDateTime(m.urgent.onSiteBy) },
                    ]
                  : []),
              ]}
            />
            <Typography.Text type="secondary" style={{ display: 'block', margin: '12px 0 8px' }}>
              “1345”节点（自提交起的工作日）
            </Typography.Text>
            <Steps
              orientation="vertical"
              size="small"
              current={nextIndex >= 0 ? nextIndex : ticket.next ? 0 : milestoneSteps.length}
              items={milestoneSteps.map((s) => ({ title: s.title, content: formatDateTime(s.at) }))}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
