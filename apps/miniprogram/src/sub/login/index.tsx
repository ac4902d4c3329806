// 登录: WeChat one-tap login on the mini-program; phone number and SMS code (60 s resend) on H5.
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { MainlandPhoneSchema, OtpVerifySchema } from '@minhu/shared';
import { useState } from 'react';
import { api } from '../../api/minhu-api';
import { toUserMessage } from '../../api/errors';
import { ErrorState } from '../../components/ErrorState';
import { PageShell } from '../../components/PageShell';
import { signInWithCode, signInWithWechat } from '../../lib/auth';
import { useCountdown } from '../../lib/countdown';
import { back, go, TAB } from '../../lib/routes';
import './index.scss';

function done(redirect?: string) {
  Taro.showToast({ title: '登录成功', icon: 'success' });
  setTimeout(() => {
    if (redirect) go(decodeURIComponent(redirect));
    else back(TAB.tickets);
  }, 600);
}

function WechatLogin(props: { redirect?: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const login = async () => {
    setBusy(true);
    setError(null);
    try {
      await signInWithWechat();
      done(props.redirect);
    } catch (e) {
      setError(toUserMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="mh-card">
      <Text className="mh-title">使用微信登录</Text>
      <Text className="mh-muted mh-login__hint">登录后可以提交反映、查看办理进度和评价结果。</Text>
      <Button type="primary" size="large" block loading={busy} onClick={() => void login()} data-testid="wechat-login">
        微信一键登录
      </Button>
      {error && <ErrorState compact message={error} onRetry={() => void login()} />}
    </View>
  );
}

function SmsLogin(props: { redirect?: string }) {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sending, setSending] = useState(false);
  const [verifying, setVerifying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const timer = useCountdown();

  const send = async () => {
    const p = MainlandPhoneSchema.safeParse(phone);
    if (!p.success) {
      setError(p.error.issues[0]?.message ?? '请输入有效的手机号');
      return;
    }
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

  const verify = async () => {
    const input = OtpVerifySchema.safeParse({ phone, code });
    if (!input.success) {
      setError(input.error.issues[0]?.message ?? '请检查手机号和验证码');
      return;
    }
    setVerifying(true);
    setError(null);
    try {
      await signInWithCode(input.data.phone, input.data.code);
      done(props.redirect);
    } catch (e) {
      setError(toUserMessage(e));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <View className="mh-card" data-testid="sms-login">
      <Text className="mh-title">手机号登录</Text>
      <Text className="mh-muted mh-login__hint">我们会发送 6 位验证码到您的手机，未注册的手机号会自动注册。</Text>
      <Text className="mh-login__label">手机号</Text>
      <Input type="tel" value={phone} onChange={(v) => setPhone(v.replace(/\D/g, '').slice(0, 11))} maxLength={11} placeholder="请输入 11 位手机号" className="mh-login__input" data-testid="login-phone" />
      <Text className="mh-login__label">验证码</Text>
      <View className="mh-login__code">
        <Input type="number" value={code} onChange={(v) => setCode(v.replace(/\D/g, '').slice(0, 6))} maxLength={6} placeholder="6 位数字" className="mh-login__input mh-login__code-input" data-testid="login-code" />
        <Button type="primary" fill="outline" disabled={timer.left > 0 || sending} loading={sending} onClick={() => void send()} className="mh-login__send" data-testid="send-code">
          {timer.left > 0 ? `${timer.left} 秒后重发` : sentTo ? '重新获取' : '获取验证码'}
        </Button>
      </View>
      {sentTo && <Text className="mh-muted">验证码已发送到 {sentTo.slice(0, 3)}****{sentTo.slice(7)}，5 分钟内有效。</Text>}
      {error && <Text className="mh-error-text mh-login__error" data-testid="login-error">{error}</Text>}
      <Button type="primary" size="large" block loading={verifying} disabled={verifying} onClick={() => void verify()} className="mh-login__submit" data-testid="login-submit">
        登录
      </Button>
    </View>
  );
}

export default function LoginPage() {
  const redirect = useRouter().params.redirect;
  return (
    <PageShell className="mh-login" testId="page-login">
      {process.env.TARO_ENV === 'weapp' ? <WechatLogin redirect={redirect} /> : <SmsLogin redirect={redirect} />}
      <Text className="mh-muted mh-login__privacy">登录即表示您同意我们为处理您的诉求使用您的手机号联系您。</Text>
    </PageShell>
  );
}
