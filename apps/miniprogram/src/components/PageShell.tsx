// Wraps every page so the 关怀模式 switch (bigger type, higher contrast) applies to all screens alike,
// and so WeChat's privacy pop-up can appear over whichever page asked for personal data.
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useCareMode } from '../lib/use-care-mode';
import { PrivacyPopup } from './PrivacyPopup';

export function PageShell(props: { children: ReactNode; className?: string; testId?: string }) {
  const [care] = useCareMode();
  return (
    <View className={`mh-page${care ? ' mh-care' : ''}${props.className ? ` ${props.className}` : ''}`} data-testid={props.testId}>
      {props.children}
      <PrivacyPopup />
    </View>
  );
}
