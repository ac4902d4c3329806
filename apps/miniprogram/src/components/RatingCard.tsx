// The callback rating (回访评价): 满意 / 基本满意 / 不满意, solved or not, and a comment.
import { Text, View } from '@tarojs/components';
import { Button, Radio, TextArea } from '@nutui/nutui-react-taro';
import { RateTicketSchema, type RateTicket } from '@minhu/shared';
import { useState } from 'react';
import './RatingCard.scss';

type Satisfaction = RateTicket['satisfaction'];

const OPTIONS: Array<{ value: Satisfaction; label: string }> = [
  { value: 'satisfied', label: '满意' },
  { value: 'basically_satisfied', label: '基本满意' },
  { value: 'dissatisfied', label: '不满意' },
];

/** Checks the choice; a dissatisfied rating needs the reason, which goes back to the hotline. */
export function checkRating(input: { satisfaction: Satisfaction | null; resolved: boolean | null; comment: string }): { ok: true; value: RateTicket } | { ok: false; message: string } {
  if (!input.satisfaction) return { ok: false, message: '请选择满意程度' };
  if (input.resolved === null) return { ok: false, message: '请选择问题是否已解决' };
  const comment = input.comment.trim();
  if (input.satisfaction === 'dissatisfied' && comment.length < 2) return { ok: false, message: '请写下不满意的原因，我们会转给热线重新办理' };
  const parsed = RateTicketSchema.safeParse({ satisfaction: input.satisfaction, resolved: input.resolved, ...(comment ? { comment } : {}) });
  if (!parsed.success) return { ok: false, message: '评价内容不能超过 500 字' };
  return { ok: true, value: parsed.data };
}

export function RatingCard(props: { onSubmit: (value: RateTicket) => Promise<void>; submitting: boolean; error?: string | null }) {
  const [satisfaction, setSatisfaction] = useState<Satisfaction | null>(null);
  const [resolved, setResolved] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    const checked = checkRating({ satisfaction, resolved, comment });
    if (!checked.ok) {
      setProblem(checked.message);
      return;
    }
    setProblem(null);
    void props.onSubmit(checked.value);
  };

  return (
    <View className="mh-card mh-rating" data-testid="rating-card">
      <Text className="mh-title">请评价办理结果</Text>
      <Text className="mh-muted">热线已回访，您的评价会直接反馈给承办部门。</Text>
      <Text className="mh-rating__q">您对办理结果满意吗？</Text>
      <Radio.Group
        shape="button"
        direction="horizontal"
        value={satisfaction ?? undefined}
        onChange={(v) => setSatisfaction(v as Satisfaction)}
        options={OPTIONS.map((o) => ({ label: o.label, value: o.value }))}
        data-testid="rating-satisfaction"
      />
      <Text className="mh-rating__q">问题解决了吗？</Text>
      <Radio.Group
        shape="button"
        direction="horizontal"
        value={resolved === null ? undefined : resolved ? 'yes' : 'no'}
        onChange={(v) => setResolved(v === 'yes')}
        options={[
          { label: '已解决', value: 'yes' },
          { label: '未解决', value: 'no' },
        ]}
        data-testid="rating-resolved"
      />
      <Text className="mh-rating__q">{satisfaction === 'dissatisfied' ? '不满意的原因（必填）' : '还想说的话（选填）'}</Text>
      <TextArea value={comment} onChange={setComment} maxLength={500} showCount placeholder="请写下您的意见" data-testid="rating-comment" />
      {(problem || props.error) && <Text className="mh-error-text">{problem ?? props.error}</Text>}
      <Button type="primary" size="large" block loading={props.submitting} disabled={props.submitting} onClick={submit} data-testid="rating-submit">
        提交评价
      </Button>
    </View>
  );
}
