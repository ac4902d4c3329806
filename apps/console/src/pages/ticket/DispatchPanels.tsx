// Dispatch intelligence on 工单详情: the departments the model suggests (best first, with its
// probability), and 同一事件 — the incident this ticket belongs to (its tickets, the lead marked 主工单,
// 解除关联) or the tickets it may report the same problem as (关联). The server's refusal (another
// category, a closed incident) is shown inside the panel.
import type { DepartmentSuggestion, IncidentCandidate, OperatorTicketDetail } from '@minhu/shared';
import { Alert, Button, Empty, Popconfirm, Progress, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { api } from '../../api/client';
import { serverError } from '../../lib/form';
import { scorePercent, shownSuggestions } from '../../lib/labels';
import { href, Link } from '../../lib/router';


/** 建议派单部门: the ranked suggestions; the owning department, once dispatched, is marked. */
export function SuggestedDepartments({ ticket }: { ticket: Pick<OperatorTicketDetail, 'suggestedDepartments' | 'ownerDepartment'> }) {
  const list: DepartmentSuggestion[] = shownSuggestions(ticket.suggestedDepartments);
  if (!list.length) return <Typography.Text type="secondary">暂无建议（派单模型尚未就绪或信息不足）</Typography.Text>;
  return (
    <div data-testid="suggested-departments">
      {list.map((s, i) => (
        <div key={s.department} data-testid="suggested-department" data-department={s.department} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '4px 0' }}>
          <Typography.Text strong={i === 0} style={{ flex: '0 0 132px' }} ellipsis={{ tooltip: s.department }}>
            {i + 1}. {s.department}
          </Typography.Text>
          <Progress percent={Math.round(s.score * 100)} size="small" showInfo={false} style={{ flex: 1, margin: 0 }} strokeColor={i === 0 ? undefined : '#8c8c8c'} aria-label={`${s.department} ${scorePercent(s.score)}`} />
          <Typography.Text type="secondary" style={{ flex: '0 0 40px', textAlign: 'right' }} data-testid="suggested-score">
            {scorePercent(s.score)}
          </Typography.Text>
          {ticket.ownerDepartment === s.department && <Tag color="blue">已派</Tag>}
        </div>
      ))}
      {ticket.ownerDepartment && !list.some((s) => s.department === ticket.ownerDepartment) && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          已派至「{ticket.ownerDepartment}」（不在建议中）
        </Typography.Text>
      )}
    </div>
  );
}

interface IncidentProps {
  ticket: OperatorTicketDetail;
  /** The ticket as the server now has it, after attaching or detaching. */
  onChanged: (ticket: OperatorTicketDetail, message: string) => void;
}

/** 同一事件: the incident's tickets, or candidates to attach to. */
export function IncidentPanel({ ticket, onChanged }: IncidentProps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(key: string, method: 'POST' | 'DELETE', body: unknown, done: string) {
    setBusy(key);
    setError(null);
    try {
      const res = await api<{ ticket: OperatorTicketDetail }>(method, `/api/operator/tickets/${ticket.id}/incident`, body === undefined ? {} : { body });
      onChanged(res.ticket, done);
    } catch (err) {
      setError(serverError(err));
    } finally {
      setBusy(null);
    }
  }

  const incident = ticket.incident;
  return (
    <div data-testid="incident-panel">
      {incident ? (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text>共 {incident.ticketIds.length} 张工单反映同一问题</Typography.Text>
            <Tag color={incident.status === 'open' ? 'processing' : 'default'}>{incident.status === 'open' ? '办理中' : '已结束'}</Tag>
          </Space>
          <Rows testId="incident-tickets">
            {incident.ticketIds.map((id, i) => {
              const number = incident.ticketNumbers[i] ?? id;
              return (
                <Row key={id} testId="incident-ticket" ticketId={id}>
                  <Space size={4} wrap>
                    {id === ticket.id ? <Typography.Text strong>{number}</Typography.Text> : <Link to={href(`tickets/${id}`)}>{number}</Link>}
                    {id === incident.leadTicketId && <Tag color="gold">主工单</Tag>}
                    {id === ticket.id && <Tag>本工单</Tag>}
                  </Space>
                </Row>
              );
            })}
          </Rows>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0' }}>
            由主工单统一办理，答复与办结同步到同一事件的其他工单。
          </Typography.Paragraph>
          <Popconfirm
            title="解除关联？"
            description="本工单将单独办理，不再随主工单答复与办结。"
            okText="解除关联"
            cancelText="取消"
            onConfirm={() => run('detach', 'DELETE', undefined, '已解除关联')}
          >
            <Button danger size="small" loading={busy === 'detach'} data-testid="incident-detach">
              解除关联
            </Button>
          </Popconfirm>
        </>
      ) : ticket.incidentCandidates.length ? (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            以下工单可能反映同一问题（相似度未达自动合并标准），请核实后关联：
          </Typography.Paragraph>
          <Rows testId="incident-candidates">
            {ticket.incidentCandidates.map((c: IncidentCandidate) => (
              <Row
                key={c.ticketId}
                testId="incident-candidate"
                ticketId={c.ticketId}
                action={
                  <Button
                    size="small"
                    type="primary"
                    ghost
                    loading={busy === c.ticketId}
                    disabled={busy !== null && busy !== c.ticketId}
                    onClick={() => run(c.ticketId, 'POST', { ticketId: c.ticketId }, `已关联到 ${c.number}`)}
                    data-testid="incident-attach"
                  >
                    关联
                  </Button>
                }
              >
                <Space size={6} wrap>
                  <Link to={href(`tickets/${c.ticketId}`)}>{c.number}</Link>
                  <Typography.Text type="secondary">相似度 {scorePercent(c.score)}</Typography.Text>
                  {c.incidentId && <Tag>已有事件</Tag>}
                </Space>
              </Row>
            ))}
          </Rows>
        </>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发现反映同一问题的其他工单" style={{ margin: '8px 0' }} />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid="incident-error" />}
    </div>
  );
}

/** A bordered list of small rows (antd's List is deprecated in 6.6). */
function Rows({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <div data-testid={testId} style={{ border: '1px solid #f0f0f0', borderRadius: 8 }}>
      {children}
    </div>
  );
}

function Row({ testId, ticketId, action, children }: { testId: string; ticketId: string; action?: ReactNode; children: ReactNode }) {
  return (
    <div data-testid={testId} data-ticket-id={ticketId} style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, padding: '6px 12px', borderTop: '1px solid #f0f0f0', marginTop: -1 }}>
      {children}
      {action}
    </div>
  );
}
