// "我已阅读并同意《隐私政策》": an unticked box the citizen must tick before we send them an SMS code
// (H5 sign-in). The policy opens on its own page.
import { Text, View } from '@tarojs/components';
import { a11y } from '../lib/a11y';
import { go, ROUTES } from '../lib/routes';
import './ConsentCheck.scss';

export function ConsentCheck(props: { checked: boolean; onChange: (checked: boolean) => void; testId?: string }) {
  return (
    <View className="mh-consent">
      <View
        className={`mh-consent__box${props.checked ? ' mh-consent__box--on' : ''}`}
        onClick={() => props.onChange(!props.checked)}
        {...a11y('同意隐私政策', 'checkbox')}
        aria-checked={props.checked ? 'true' : 'false'}
        data-testid={props.testId}
        data-checked={props.checked ? '1' : '0'}
      >
        <Text className="mh-consent__tick">{props.checked ? '✓' : ''}</Text>
      </View>
      <Text className="mh-consent__text" onClick={() => props.onChange(!props.checked)}>
        我已阅读并同意
      </Text>
      <Text className="mh-consent__link" onClick={() => go(ROUTES.privacy())} {...a11y('阅读隐私政策', 'link')} data-testid="privacy-link">
        《隐私政策》
      </Text>
    </View>
  );
}
