// Phone number + 6-digit SMS code with a 60 s resend timer: signing in on H5, and verifying a
// callback number on either target. With `consent`, no code is sent until the citizen ticks the
// privacy box (H5 sign-in).
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { MainlandPhoneSchema, OtpVerifySchema } from '@minhu/shared';
import { useState } from 'react';
import { api } from '../api/minhu-api';
import { toUserMessage } from '../api/errors';
import { useCountdown } from '../lib/countdown';
import { ConsentCheck } from './ConsentCheck';
import './SmsCodeForm.scss';

export function SmsCodeForm(props: {
  submitText: string;
  onSubmit: (phone: string, code: string) => Promise<void>;
  /** Ask for consent to the privacy policy before a code is sent. */
  consent?: boolean;
  testIdPrefix?: string;
}) {
  const id = (s: string) => `${props.testIdPrefix ?? 'login'}-${s}`;
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [sending, setSending] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const timer = useCountdown();

  const send = async () => {
    const p = MainlandPhoneSchema.safeParse(phone);
    if (!p.success) return setError(p.error.issues[0]?.message ?? '请输入有效的手机号');
    if (props.consent && !agreed) return setError('请先阅读并勾选同意《隐私政策》');
    setSending(true);
    setError(null);
    try {
      await api.auth.requestOtp(p.data);
      setSentTo(p.data);
      timer.start();
    } catch (e) {
      setError(toUserMessage(e));
    } finally {
      setSending(false);
    }
  };

  const submit = async () => {
    const input = OtpVerifySchema.safeParse({ phone, code });
    if (!input.success) return setError(input.error.issues[0]?.message ?? '请检查手机号和验证码');
    if (props.consent && !agreed) return setError('请先阅读并勾选同意《隐私政策》');
    setVerifying(true);
    setError(null);
    try {
      await props.onSubmit(input.data.phone, input.data.code);
    } catch (e) {
      setError(toUserMessage(e));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <View className="mh-sms" data-testid={id('form')}>
      <Text className="mh-sms__label">手机号</Text>
      <Input type="tel" value={phone} onChange={(v) => setPhone(v.replace(/\D/g, '').slice(0, 11))} maxLength={11} placeholder="请输入 11 位手机号" className="mh-sms__input" data-testid={id('phone')} />
      <Text className="mh-sms__label">验证码</Text>
      <View className="mh-sms__code">
        <Input type="number" value={code} onChange={(v) => setCode(v.replace(/\D/g, '').slice(0, 6))} maxLength={6} placeholder="6 位数字" className="mh-sms__input mh-sms__code-input" data-testid={id('code')} />
        <Button type="primary" fill="outline" disabled={timer.left > 0 || sending} loading={sending} onClick={() => void send()} className="mh-sms__send" data-testid={id('send-code')}>
          {timer.left > 0 ? `${timer.left} 秒后重发` : sentTo ? '重新获取' : '获取验证码'}
        </Button>
      </View>
      {sentTo && <Text className="mh-muted">验证码已发送到 {sentTo.slice(0, 3)}****{sentTo.slice(7)}，5 分钟内有效。</Text>}
      {props.consent && <ConsentCheck checked={agreed} onChange={setAgreed} testId={id('consent')} />}
      {error && <Text className="mh-error-text mh-sms__error" data-testid={id('error')}>{error}</Text>}
      <Button type="primary" size="large" block loading={verifying} disabled={verifying} onClick={() => void submit()} className="mh-sms__submit" data-testid={id('submit')}>
        {props.submitText}
      </Button>
    </View>
  );
}
