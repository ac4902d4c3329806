// 常见问题: the knowledge base by category or search; each question opens its entry (问答原文), and
// when nothing fits the citizen can ask the bot or file a report.
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, SearchBar } from '@nutui/nutui-react-taro';
import { findCategory, type FaqEntry } from '@minhu/shared';
import { useEffect, useState } from 'react';
import { api } from '../../api/minhu-api';
import { toUserMessage } from '../../api/errors';
import { EmptyState, ErrorState, LoadingState } from '../../components/ErrorState';
import { PageShell } from '../../components/PageShell';
import { go, ROUTES, TAB } from '../../lib/routes';
import './index.scss';

export default function FaqPage() {
  const params = useRouter().params;
  const categoryId = params.categoryId && findCategory(params.categoryId) ? params.categoryId : undefined;
  const [query, setQuery] = useState(params.q ? decodeURIComponent(params.q) : '');
  const [items, setItems] = useState<FaqEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const category = categoryId ? findCategory(categoryId) : undefined;

  const load = async (q: string) => {
    setLoading(true);
    setError(null);
    try {
      const res = await api.faq.list({ categoryId, q: q.trim() || undefined });
      setItems(res.items);
    } catch (e) {
      setError(toUserMessage(e));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    if (category) Taro.setNavigationBarTitle({ title: category.name }).catch(() => undefined);
    void load(query);
  }, []);

  return (
    <PageShell className="mh-faq" testId="page-faq">
      <View className="mh-faq__head">
        {category && <Text className="mh-title">{category.name}</Text>}
        {category && <Text className="mh-muted">{category.scope}</Text>}
        <SearchBar value={query} onChange={(v) => setQuery(v)} onSearch={(v) => void load(v)} placeholder={category ? `在“${category.name}”中搜索` : '搜索问题'} data-testid="faq-search" />
      </View>
      {error && <ErrorState message={error} onRetry={() => void load(query)} compact={!!items} />}
      {!error && loading && !items && <LoadingState />}
      {items && items.length === 0 && !error && (
        <EmptyState title="没有找到相关解答" description="可以直接问智能助手，或者反映给热线。" actionText="问问智能助手" onAction={() => go(TAB.home)} />
      )}
      {items && items.length > 0 && (
        <View className="mh-card mh-faq__list" data-testid="faq-list">
          <Text className="mh-muted mh-faq__tip">点一下问题，就能看到完整解答</Text>
          {items.map((f) => (
            <View key={f.id} className="mh-faq__item" onClick={() => go(ROUTES.faqEntry(f.id))} data-testid="faq-item">
              <View className="mh-faq__item-text">
                <Text className="mh-faq__q">{f.question}</Text>
                <Text className="mh-faq__preview">{f.answer}</Text>
              </View>
              <Text className="mh-faq__arrow">›</Text>
            </View>
          ))}
        </View>
      )}
      <View className="mh-card mh-faq__foot">
        <Text className="mh-muted">没有解决您的问题？</Text>
        <Button type="primary" size="large" block onClick={() => go(TAB.report)} data-testid="faq-report">
          我要反映
        </Button>
      </View>
    </PageShell>
  );
}
