// 附近已有市民反映: open incidents of the same kind near the chosen place. 附议 makes this report join
// one (handled together with the others); the citizen can take it back, and the choice goes when the
// place or the category changes (use-report-form.ts).
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { NearbyIncident } from '@minhu/shared';
import { distanceText } from './use-nearby-incidents';

export function NearbyIncidents(props: { items: NearbyIncident[]; chosen: string | undefined; onChoose: (id: string | null) => void }) {
  if (!props.items.length) return null;
  const chosen = props.items.find((i) => i.id === props.chosen);
  return (
    <View className="mh-card mh-nearby" data-testid="nearby-incidents">
      <Text className="mh-field__label">附近已有市民反映</Text>
      {chosen ? (
        <Text className="mh-nearby__chosen" data-testid="nearby-chosen">
          已选择附议：提交后您的反映将与这 {chosen.reporters} 位市民的反映合并办理，办理进度同样会通知您。
        </Text>
      ) : (
        <Text className="mh-muted mh-field__hint">如果是同一个问题，点“附议”即可与其他市民的反映合并办理，处理更快。仍请简单描述您看到的情况。</Text>
      )}
      {props.items.map((item) => {
        const on = item.id === props.chosen;
        return (
          <View key={item.id} className={`mh-nearby__item${on ? ' mh-nearby__item--on' : ''}`} data-testid="nearby-incident" data-incident-id={item.id}>
            <Text className="mh-nearby__summary">{item.summary}</Text>
            <Text className="mh-muted">
              {[item.address, distanceText(item.distanceMetres)].filter(Boolean).join(' · ')}
            </Text>
            <View className="mh-nearby__foot">
              <Text className="mh-nearby__count" data-testid="nearby-reporters">
                {item.reporters} 人反映
              </Text>
              <Button
                type="primary"
                fill={on ? 'outline' : 'solid'}
                size="small"
                className="mh-nearby__btn"
                onClick={() => props.onChoose(on ? null : item.id)}
                aria-label={on ? `取消附议：${item.summary}` : `附议：${item.summary}`}
                data-testid={on ? 'nearby-cancel' : 'nearby-join'}
              >
                {on ? '取消附议' : '附议'}
              </Button>
            </View>
          </View>
        );
      })}
    </View>
  );
}
