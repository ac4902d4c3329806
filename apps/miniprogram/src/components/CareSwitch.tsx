// The 关怀模式 switch, shown on the tab pages; its state is saved and applies to every screen.
import { Text, View } from '@tarojs/components';
import { Switch } from '@nutui/nutui-react-taro';
import { useCareMode } from '../lib/use-care-mode';
import './CareSwitch.scss';

export function CareSwitch() {
  const [care, setCare] = useCareMode();
  return (
    <View className="mh-care-switch" data-testid="care-mode">
      <View className="mh-care-switch__text">
        <Text className="mh-care-switch__label">关怀模式</Text>
        <Text className="mh-care-switch__hint">{care ? '已开启：大字体、高对比' : '字太小？打开后字体更大更清楚'}</Text>
      </View>
      <Switch checked={care} onChange={(on) => setCare(on)} ariaLabel="关怀模式开关" data-testid="care-mode-switch" />
    </View>
  );
}
