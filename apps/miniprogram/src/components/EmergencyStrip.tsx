// The standing emergency line under the home page's greeting: 110, 119 and 120 each its own button
// that dials that number (a citizen who needs an ambulance must not reach the police by tapping the
// line), each labelled for screen readers on both targets.
import { Text, View } from '@tarojs/components';
import { a11y } from '../lib/a11y';
import { callNumber } from './EmergencyBanner';
import './EmergencyStrip.scss';

const NUMBERS = [
  { n: '110', label: '报警' },
  { n: '119', label: '火警' },
  { n: '120', label: '急救' },
];

export function EmergencyStrip() {
  return (
    <View className="mh-sos" data-testid="emergency-strip">
      <Text className="mh-sos__text">遇到火灾、受伤、违法犯罪等紧急情况，请直接拨打</Text>
      <View className="mh-sos__numbers">
        {NUMBERS.map(({ n, label }) => (
          <View key={n} className="mh-sos__call" onClick={() => callNumber(n)} data-testid={`sos-${n}`} {...a11y(`拨打 ${n}`, 'button')}>
            <Text className="mh-sos__number">{n}</Text>
            <Text className="mh-sos__label">{label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
