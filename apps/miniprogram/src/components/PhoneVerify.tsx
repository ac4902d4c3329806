// A callback number for the signed-in citizen: on the mini-program WeChat's 手机号快速验证 (one tap,
// the number WeChat verified), and on both targets an SMS code for any other number. The hotline
// calls this number back, and only then can the citizen rate the outcome.
import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { toUserMessage } from '../api/errors';
import type { Session } from '../api/session';
import { privacyRefusal } from '../lib/location-types';
import { verifyPhoneBySms, verifyPhoneWithWechat } from '../lib/auth';
import { SmsCodeForm } from './SmsCodeForm';
import './PhoneVerify.scss';

type PhoneNumberEvent = { detail: { code?: string; errMsg?: string; errno?: number } };

export function PhoneVerify(props: { onVerified: (session: Session) => void; title?: string }) {
  const weapp = process.env.TARO_ENV === 'weapp';
  const [showSms, setShowSms] = useState(!weapp);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onPhoneNumber = async (e: PhoneNumberEvent) => {
    const { code, errMsg } = e.detail ?? {};
    if (!code) {
      // Refused in WeChat's sheet (or the privacy guide was refused): the SMS way is still open.
      setShowSms(true);
      setError(
        privacyRefusal(e.detail)
          ? '您还没有同意《民呼隐私保护指引》，无法读取微信手机号。可以改用下面的短信验证。'
          : /deny|cancel/i.test(errMsg ?? '')
            ? '您没有授权手机号，可以改用下面的短信验证其他号码。'
            : '暂时无法读取微信手机号，请改用短信验证。',
      );
      return;
    }
    setBusy(true);
    setError(null);
    try {
      props.onVerified(await verifyPhoneWithWechat(code));
    } catch (err) {
      setError(toUserMessage(err));
      setShowSms(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="mh-card mh-phone" data-testid="phone-verify">
      <Text className="mh-title">{props.title ?? '验证回访手机号'}</Text>
      <Text className="mh-muted mh-phone__hint">12345 热线会拨打这个号码回访您，回访后您才能评价办理结果。号码只用于办理您的诉求。</Text>
      {weapp && (
        <Button
          className="mh-phone__wechat"
          openType="getPhoneNumber"
          onGetPhoneNumber={(e) => void onPhoneNumber(e as unknown as PhoneNumberEvent)}
          loading={busy}
          disabled={busy}
          data-testid="wechat-phone"
        >
          使用微信绑定的手机号
        </Button>
      )}
      {error && <Text className="mh-error-text mh-phone__error" data-testid="phone-verify-error">{error}</Text>}
      {weapp && !showSms && (
        <Text className="mh-phone__other" onClick={() => setShowSms(true)} data-testid="phone-by-sms">
          使用其他手机号（短信验证）
        </Text>
      )}
      {showSms && (
        <SmsCodeForm
          submitText="验证并使用这个号码"
          testIdPrefix="bind"
          onSubmit={async (phone, code) => props.onVerified(await verifyPhoneBySms(phone, code))}
        />
      )}
    </View>
  );
}
