// 问答原文 (placeholder until the FAQ entry page lands from its branch).
import { Text } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';

export default function FaqEntryPage() {
  return (
    <PageShell testId="page-faq-entry">
      <Text>加载中…</Text>
    </PageShell>
  );
}
