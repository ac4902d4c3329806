// Picks one of the 18 categories in a popup grid; optional, since the hotline can classify it.
import { Text, View } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import { findCategory, type CategoryId } from '@minhu/shared';
import { useState } from 'react';
import { CategoryGrid } from '../../components/CategoryGrid';

export function CategoryField(props: { value: CategoryId | null; onChange: (id: CategoryId | null) => void }) {
  const [open, setOpen] = useState(false);
  const name = props.value ? findCategory(props.value)?.name : null;
  return (
    <View>
      <View className="mh-report__picker" onClick={() => setOpen(true)} data-testid="category-field">
        <Text className={name ? '' : 'mh-muted'}>{name ?? '请选择（不确定可以不选）'}</Text>
        <Text className="mh-report__arrow">›</Text>
      </View>
      <Popup visible={open} position="bottom" round closeable title="选择问题分类" onClose={() => setOpen(false)}>
        <View className="mh-report__popup">
          <CategoryGrid
            selected={props.value}
            onSelect={(id) => {
              props.onChange(id);
              setOpen(false);
            }}
          />
          <Button
            block
            size="large"
            onClick={() => {
              props.onChange(null);
              setOpen(false);
            }}
          >
            不确定，先不选
          </Button>
        </View>
      </Popup>
    </View>
  );
}
