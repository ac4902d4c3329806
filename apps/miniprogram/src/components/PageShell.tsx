// Wraps every page so the 关怀模式 switch (bigger type, higher contrast) applies to all screens alike.
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useCareMode } from '../lib/use-care-mode';

export function PageShell(props: { children: ReactNode; className?: string; testId?: string }) {
  const [care] = useCareMode();
  return (
    <View className={`mh-page${care ? ' mh-care' : ''}${props.className ? ` ${props.className}` : ''}`} data-testid={props.testId}>
      {props.children}
    </View>
  );
}
