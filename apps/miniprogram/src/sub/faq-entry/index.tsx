// 问答原文: one FAQ entry in full (查看原文 from the chat, a question in 常见问题, or a shared link) with its
// provenance (来源：<department> · 更新于 <date>), the way back to the bot or on to a report; 转发 shares the entry.
import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { findCategory, pagePath, PAGES, type FaqEntry } from '@minhu/shared';
import { useEffect, useState } from 'react';
import { api } from '../../api/minhu-api';
import { toUserMessage } from '../../api/errors';
import { ErrorState, LoadingState } from '../../components/ErrorState';
import { formatProvenance } from '../../lib/format';
import { PageShell } from '../../components/PageShell';
import { back, go, TAB } from '../../lib/routes';
import './index.scss';

export default function FaqEntryPage() {
  const id = useRouter().params.id ?? '';
  const [entry, setEntry] = useState<FaqEntry | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    setError(null);
    try {
      setEntry(await api.faq.entry(id));
    } catch (e) {
      setError(toUserMessage(e));
    }
  };

  useEffect(() => {
    if (!id) setError('没有找到这条问答');
    else void load();
  }, [id]);

  // WeChat wants an absolute page path ("/sub/faq-entry/index?id=…").
  useShareAppMessage(() => ({ title: entry?.question ?? '民呼 12345 常见问题', path: `/${pagePath(PAGES.faqEntry, { id })}` }));

  if (!entry) {
    return (
      <PageShell testId="page-faq-entry">
        {error ? <ErrorState message={error} onRetry={id ? () => void load() : () => back()} retryText={id ? '重试' : '返回'} /> : <LoadingState />}
      </PageShell>
    );
  }

  const category = findCategory(entry.categoryId);
  return (
    <PageShell className="mh-faq-entry" testId="page-faq-entry">
      <View className="mh-card">
        {category && (
          <View className="mh-faq-entry__meta">
            <Text className="mh-faq-entry__category" data-testid="faq-entry-category">
              {category.name}
            </Text>
          </View>
        )}
        <Text className="mh-faq-entry__question" userSelect data-testid="faq-entry-question">
          {entry.question}
        </Text>
        <Text className="mh-faq-entry__answer" userSelect data-testid="faq-entry-answer">
          {entry.answer}
        </Text>
        <Text className="mh-faq-entry__provenance" data-testid="faq-entry-provenance">
          {formatProvenance(entry.department, entry.updatedAt)}
        </Text>
      </View>
      <View className="mh-card mh-faq-entry__next">
        <Button type="primary" size="large" block fill="outline" onClick={() => go(TAB.home)} data-testid="faq-entry-ask">
          还有问题？问智能客服
        </Button>
        <View className="mh-gap" />
        <Button type="primary" size="large" block onClick={() => go(TAB.report)} data-testid="faq-entry-report">
          我要反映
        </Button>
      </View>
    </PageShell>
  );
}
