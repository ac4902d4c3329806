// The 18 high-frequency categories as big tiles (3 across, 2 in care mode).
import { Text, View } from '@tarojs/components';
import { CATEGORIES, type CategoryId } from '@minhu/shared';
import './CategoryGrid.scss';

export function CategoryGrid(props: { onSelect: (id: CategoryId) => void; selected?: CategoryId | null; counts?: Partial<Record<CategoryId, number>> }) {
  return (
    <View className="mh-cat-grid" data-testid="category-grid">
      {CATEGORIES.map((c) => (
        <View
          key={c.id}
          className={`mh-cat-grid__item${props.selected === c.id ? ' mh-cat-grid__item--on' : ''}`}
          onClick={() => props.onSelect(c.id)}
          data-testid={`category-${c.id}`}
          aria-label={c.name}
        >
          <Text className="mh-cat-grid__name">{c.name}</Text>
          {props.counts?.[c.id] !== undefined && <Text className="mh-cat-grid__count">{props.counts[c.id]} 条解答</Text>}
        </View>
      ))}
    </View>
  );
}
