// The ticket's path (受理—派单—答复—回访—办结) with department, reply and reasons, oldest first.
import { Text, View } from '@tarojs/components';
import { TICKET_STATUS_LABELS, type TimelineEntry } from '@minhu/shared';
import { formatDateTime } from '../lib/format';
import './Timeline.scss';

const ACTOR: Record<TimelineEntry['actor']['type'], string> = { citizen: '您', operator: '热线工作人员', hotline: '12345 热线', system: '系统' };

export function Timeline(props: { entries: TimelineEntry[] }) {
  const entries = props.entries;
  return (
    <View className="mh-timeline" data-testid="timeline">
      {entries.map((e, i) => (
        <View key={`${e.status}-${e.at}-${i}`} className={`mh-timeline__item${i === entries.length - 1 ? ' mh-timeline__item--last' : ''}`}>
          <View className="mh-timeline__dot" />
          <View className="mh-timeline__body">
            <Text className="mh-timeline__status">{TICKET_STATUS_LABELS[e.status]}</Text>
            <Text className="mh-timeline__time">{formatDateTime(e.at)}{e.actor.type !== 'system' ? ` · ${e.actor.name ?? ACTOR[e.actor.type]}` : ''}</Text>
            {e.department && <Text className="mh-timeline__line">承办部门：{e.department}</Text>}
            {e.hotlineNumber && <Text className="mh-timeline__line">热线工单号：{e.hotlineNumber}</Text>}
            {e.reply && <Text className="mh-timeline__reply">答复：{e.reply}</Text>}
            {e.reason && <Text className="mh-timeline__line">原因：{e.reason}</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}
