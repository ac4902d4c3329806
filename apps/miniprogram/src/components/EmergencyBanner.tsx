// The unmistakable red banner shown on an `emergency` answer: call now, one tap per number.
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import './EmergencyBanner.scss';
import { ALERT_ROLE } from '../lib/a11y';

const LABELS: Record<string, string> = { '110': '报警', '119': '火警', '120': '急救', '122': '交通事故' };
export const DEFAULT_EMERGENCY_NUMBERS = ['110', '119', '120', '122'];

export function callNumber(phoneNumber: string) {
  Taro.makePhoneCall({ phoneNumber }).catch(() => {
    Taro.showModal({ title: '请直接拨打', content: `请用手机拨打 ${phoneNumber}`, showCancel: false, confirmText: '知道了' });
  });
}

export function EmergencyBanner(props: { numbers?: string[]; text?: string }) {
  const numbers = props.numbers?.length ? props.numbers : DEFAULT_EMERGENCY_NUMBERS;
  return (
    <View className="mh-emergency" {...ALERT_ROLE} data-testid="emergency-banner">
      <Text className="mh-emergency__title">紧急情况，请立即拨打电话求助</Text>
      {props.text && <Text className="mh-emergency__text">{props.text}</Text>}
      <View className="mh-emergency__numbers">
        {numbers.map((n) => (
          <View key={n} className="mh-emergency__call" onClick={() => callNumber(n)} data-testid={`call-${n}`} aria-label={`拨打 ${n}`}>
            <Text className="mh-emergency__number">{n}</Text>
            <Text className="mh-emergency__label">{LABELS[n] ? `${LABELS[n]} · 点击拨打` : '点击拨打'}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
