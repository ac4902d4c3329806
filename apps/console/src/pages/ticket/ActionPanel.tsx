// The actions the state machine allows now (the shared transition table), each a small form checked by
// its shared schema before sending. The server's 4xx shows inside the form; a 409 (someone changed the
// ticket meanwhile) closes it and the page shows the fresh ticket with what happened.
import {
  OPERATOR_ACTION_DATA,
  OPERATOR_ACTION_LABELS,
  SATISFACTION_LABELS,
  SATISFACTIONS,
  TICKET_TRANSITIONS,
  type OperatorAction,
  type OperatorTicketDetail,
} from '@minhu/shared';
import { Alert, Button, Form, Input, Modal, Radio, Select, Space, Tag, Typography, type SelectProps } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { checkWith, serverError } from '../../lib/form';
import { useDepartments } from '../../lib/hooks';
import { scorePercent, shownSuggestions } from '../../lib/labels';

const isAction = (s: string): s is OperatorAction => s in OPERATOR_ACTION_DATA;

/** The operator actions open from a status, in the table's order. */
export function actionsFor(status: OperatorTicketDetail['status']): OperatorAction[] {
  return TICKET_TRANSITIONS[status].filter(isAction);
}

const DANGER: OperatorAction[] = ['rejected', 'reopened'];

/**
 * The 派单 choices: the model's suggestions first (with their probability), then every other
 * department; the operator may pick any of them.
 */
export function departmentOptions(departments: string[], all: OperatorTicketDetail['suggestedDepartments']): SelectProps['options'] {
  const suggestions = shownSuggestions(all);
  const suggested = suggestions.map((s) => ({
    value: s.department,
    label: (
      <Space size={6} data-testid="department-option-suggested">
        <span>{s.department}</span>
        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
          建议 {scorePercent(s.score)}
        </Tag>
      </Space>
    ),
    search: s.department,
  }));
  const rest = departments.filter((d) => !suggestions.some((s) => s.department === d)).map((d) => ({ value: d, label: d, search: d }));
  if (!suggested.length) return rest;
  return [
    { label: '建议派单部门', title: '建议派单部门', options: suggested },
    ...(rest.length ? [{ label: '其他承办单位', title: '其他承办单位', options: rest }] : []),
  ];
}

interface Props {
  ticket: OperatorTicketDetail;
  onDone: (ticket: OperatorTicketDetail, action: OperatorAction) => void;
  onConflict: (message: string) => void;
}

export function ActionPanel({ ticket, onDone, onConflict }: Props) {
  const [open, setOpen] = useState<OperatorAction | null>(null);
  const actions = actionsFor(ticket.status);
  if (!actions.length) return <Typography.Text type="secondary">当前状态没有可执行的操作</Typography.Text>;
  return (
    <>
      <Space wrap data-testid="ticket-actions">
        {actions.map((a) => (
          <Button key={a} type={DANGER.includes(a) ? 'default' : 'primary'} danger={DANGER.includes(a)} onClick={() => setOpen(a)} data-testid={`action-${a}`}>
            {OPERATOR_ACTION_LABELS[a]}
          </Button>
        ))}
      </Space>
      {open && (
        <ActionModal
          key={open}
          action={open}
          ticket={ticket}
          onClose={() => setOpen(null)}
          onDone={(t) => {
            setOpen(null);
            onDone(t, open);
          }}
          onConflict={(m) => {
            setOpen(null);
            onConflict(m);
          }}
        />
      )}
    </>
  );
}

function ActionModal({ action, ticket, onClose, onDone, onConflict }: { action: OperatorAction; ticket: OperatorTicketDetail; onClose: () => void; onDone: (t: OperatorTicketDetail) => void; onConflict: (m: string) => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const departments = useDepartments();
  const reached = Form.useWatch('reached', form);
  const satisfaction = Form.useWatch('satisfaction', form);

  async function submit() {
    setError(null);
    try {
      const raw = form.getFieldsValue();
      // Unset optional answers are left out rather than sent empty.
      const values = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== null && v !== 'none'));
      const data = checkWith(OPERATOR_ACTION_DATA[action], values, form);
      if (!data) return;
      setBusy(true);
      const res = await api<{ ticket: OperatorTicketDetail }>('POST', `/api/operator/tickets/${ticket.id}/events`, { body: { type: action, data } });
      onDone(res.ticket);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) return onConflict(err.message);
      setError(serverError(err, form, 'data.'));
    } finally {
      setBusy(false);
    }
  }

  const owner = ticket.ownerDepartment;
  /** The model's best guess, preselected when the ticket has no owner yet. */
  const top = shownSuggestions(ticket.suggestedDepartments)[0]?.department;
  return (
    <Modal
      open
      title={`${OPERATOR_ACTION_LABELS[action]} · ${ticket.number}`}
      okText={`确认${OPERATOR_ACTION_LABELS[action]}`}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={busy}
      okButtonProps={{ danger: DANGER.includes(action), 'data-testid': 'action-submit' } as { danger: boolean }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={action === 'dispatched' && (owner || top) ? { department: owner ?? top } : action === 'callback' ? { reached: true, satisfaction: 'none' } : {}} data-testid={`form-${action}`}>
        {action === 'accepted' && <Typography.Paragraph>确认受理该工单，市民将收到受理通知。</Typography.Paragraph>}
        {action === 'closed' && <Typography.Paragraph>确认办结该工单，市民将收到办结通知。</Typography.Paragraph>}
        {action === 'dispatched' && (
          <Form.Item
            label="承办单位"
            name="department"
            extra={owner ? `首接负责制：本工单由「${owner}」负责，不能改派` : top ? '已预选模型建议的第一位，可改选任一承办单位' : undefined}
          >
            <Select
              showSearch={{ optionFilterProp: 'search' }}
              placeholder="选择承办单位"
              disabled={Boolean(owner)}
              options={departmentOptions(departments, ticket.suggestedDepartments)}
              data-testid="field-department"
            />
          </Form.Item>
        )}
        {action === 'replied' && (
          <Form.Item label="答复内容（市民可见）" name="reply">
            <Input.TextArea rows={5} maxLength={4000} showCount placeholder="承办单位的办理结果" data-testid="field-reply" />
          </Form.Item>
        )}
        {(action === 'rejected' || action === 'reopened') && (
          <Form.Item label={action === 'rejected' ? '不予受理的理由（市民可见）' : '重办原因'} name="reason">
            <Input.TextArea rows={4} maxLength={1000} showCount data-testid="field-reason" />
          </Form.Item>
        )}
        {action === 'callback' && (
          <>
            <Form.Item label="是否联系上群众" name="reached">
              <Radio.Group
                options={[
                  { value: true, label: '已联系上' },
                  { value: false, label: '未联系上' },
                ]}
                onChange={(e) => !e.target.value && form.setFieldsValue({ satisfaction: 'none', resolved: undefined })}
                data-testid="field-reached"
              />
            </Form.Item>
            {reached !== false && (
              <Form.Item label="电话中的满意度" name="satisfaction" extra="群众在电话中给出的评价计入本轮评价；未评价时群众仍可在小程序中评价。">
                <Radio.Group
                  options={[{ value: 'none', label: '未评价' }, ...SATISFACTIONS.map((s) => ({ value: s, label: SATISFACTION_LABELS[s] }))]}
                  onChange={(e) => e.target.value === 'none' && form.setFieldsValue({ resolved: undefined })}
                  data-testid="field-satisfaction"
                />
              </Form.Item>
            )}
            {reached !== false && satisfaction && satisfaction !== 'none' && (
              <Form.Item label="问题是否解决" name="resolved">
                <Radio.Group
                  options={[
                    { value: true, label: '已解决' },
                    { value: false, label: '未解决' },
                  ]}
                />
              </Form.Item>
            )}
          </>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="action-error" />}
      </Form>
    </Modal>
  );
}
