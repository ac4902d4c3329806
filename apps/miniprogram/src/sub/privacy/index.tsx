// 隐私政策: what 民呼 collects, why, who sees it, how long it is kept and what the citizen can do —
// linked from sign-in, the consent box and WeChat's privacy pop-up.
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { POLICY, POLICY_UPDATED } from './policy';
import './index.scss';

export default function PrivacyPage() {
  return (
    <PageShell className="mh-policy" testId="page-privacy">
      <View className="mh-card">
        <Text className="mh-title">民呼隐私政策</Text>
        <Text className="mh-muted mh-policy__updated">更新日期：{POLICY_UPDATED}</Text>
        {POLICY.map((section) => (
          <View key={section.title} className="mh-policy__section">
            <Text className="mh-policy__heading">{section.title}</Text>
            {section.paragraphs.map((p) => (
              <Text key={p} className="mh-policy__p">
                {p}
              </Text>
            ))}
          </View>
        ))}
      </View>
    </PageShell>
  );
}
