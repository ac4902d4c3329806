// 登录: WeChat one-tap login on the mini-program, then the callback number (WeChat's 手机号快速验证 or
// an SMS code) when the account has none; phone number and SMS code on H5, after ticking consent to
// the privacy policy. The policy is one tap away on both.
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { toUserMessage } from '../../api/errors';
import { ErrorState } from '../../components/ErrorState';
import { PageShell } from '../../components/PageShell';
import { PhoneVerify } from '../../components/PhoneVerify';
import { SmsCodeForm } from '../../components/SmsCodeForm';
import { a11y } from '../../lib/a11y';
import { hasVerifiedPhone, signInWithCode, signInWithWechat } from '../../lib/auth';
import { back, go, ROUTES, TAB } from '../../lib/routes';
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
  const [needPhone, setNeedPhone] = useState(false);
  const login = async () => {
    setBusy(true);
    setError(null);
    try {
      await signInWithWechat();
      if (hasVerifiedPhone()) done(props.redirect);
      else setNeedPhone(true);
    } catch (e) {
      setError(toUserMessage(e));
    } finally {
      setBusy(false);
    }
  };
  if (needPhone) {
    return (
      <View>
        <PhoneVerify title="登录成功，请验证回访手机号" onVerified={() => done(props.redirect)} />
        <Text className="mh-login__skip" onClick={() => done(props.redirect)} data-testid="phone-later">
          稍后再说（提交反映前需要验证）
        </Text>
      </View>
    );
  }
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
  return (
    <View className="mh-card" data-testid="sms-login">
      <Text className="mh-title">手机号登录</Text>
      <Text className="mh-muted mh-login__hint">我们会发送 6 位验证码到您的手机，未注册的手机号会自动注册。</Text>
      <SmsCodeForm
        consent
        submitText="登录"
        onSubmit={async (phone, code) => {
          await signInWithCode(phone, code);
          done(props.redirect);
        }}
      />
    </View>
  );
}

export default function LoginPage() {
  const redirect = useRouter().params.redirect;
  return (
    <PageShell className="mh-login" testId="page-login">
      {process.env.TARO_ENV === 'weapp' ? <WechatLogin redirect={redirect} /> : <SmsLogin redirect={redirect} />}
      <Text className="mh-muted mh-login__privacy">
        登录即表示您同意民呼为处理您的诉求使用您的手机号联系您。详见
        <Text className="mh-login__policy" onClick={() => go(ROUTES.privacy())} {...a11y('阅读隐私政策', 'link')} data-testid="login-privacy-link">
          《隐私政策》
        </Text>
      </Text>
    </PageShell>
  );
}
