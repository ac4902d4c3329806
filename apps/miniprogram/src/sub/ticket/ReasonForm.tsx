// A reason the hotline reads (撤回, 申请重办): a textarea checked with the shared request schema before
// sending, and the server's refusal shown under it, so nothing typed is lost on a failure.
import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { z } from 'zod';
import { toUserMessage } from '../../api/errors';
import { ALERT_ROLE } from '../../lib/a11y';

type ReasonBody = { reason: string };
/** WithdrawTicketSchema, ReopenRequestSchema: `{ reason }` with the reason's length limits. */
type ReasonSchema<T extends ReasonBody> = z.ZodType<T> & { shape: { reason: z.ZodString } };

/** The body to send, or the schema's first message (Chinese, from packages/shared). */
export function checkReason<T extends ReasonBody>(schema: ReasonSchema<T>, text: string): { ok: true; value: T } | { ok: false; message: string } {
  const parsed = schema.safeParse({ reason: text });
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: issue?.code === 'too_big' ? '内容太长了，请精简一些' : (issue?.message ?? '请填写原因') };
}

export function ReasonForm<T extends ReasonBody>(props: {
  schema: ReasonSchema<T>;
  placeholder: string;
  submitText: string;
  danger?: boolean;
  /** Sends the checked body; a rejection is shown under the form. */
  onSubmit: (value: T) => Promise<void>;
  onCancel?: () => void;
  testId: string;
}) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const edit = (value: string) => {
    setText(value);
    setProblem(null);
  };

  const submit = async () => {
    const checked = checkReason(props.schema, text);
    if (!checked.ok) {
      setProblem(checked.message);
      return;
    }
    setProblem(null);
    setSending(true);
    try {
      await props.onSubmit(checked.value);
    } catch (e) {
      setProblem(toUserMessage(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <View className="mh-reason" data-testid={props.testId}>
      <TextArea value={text} onChange={edit} maxLength={props.schema.shape.reason.maxLength ?? undefined} showCount placeholder={props.placeholder} data-testid={`${props.testId}-input`} />
      {problem && (
        <Text className="mh-error-text" {...ALERT_ROLE} data-testid={`${props.testId}-error`}>
          {problem}
        </Text>
      )}
      <Button
        block
        size="large"
        type={props.danger ? 'danger' : 'primary'}
        loading={sending}
        disabled={sending}
        onClick={() => void submit()}
        data-testid={`${props.testId}-submit`}
      >
        {props.submitText}
      </Button>
      {props.onCancel && (
        <Button block size="large" fill="none" className="mh-reason__cancel" disabled={sending} onClick={props.onCancel} data-testid={`${props.testId}-cancel`}>
          取消
        </Button>
      )}
    </View>
  );
}
