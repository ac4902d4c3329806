// A failed load or action: the Chinese reason and a big 重试 button, in place of the content, never a blank screen.
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import './states.scss';
import { ALERT_ROLE } from '../lib/a11y';

export function ErrorState(props: { message: string; onRetry?: () => void; retryText?: string; compact?: boolean }) {
  return (
    <View className={`mh-state mh-state--error${props.compact ? ' mh-state--compact' : ''}`} {...ALERT_ROLE} data-testid="error-state">
      <Text className="mh-state__icon">!</Text>
      <Text className="mh-state__message">{props.message}</Text>
      {props.onRetry && (
        <Button type="primary" size="large" className="mh-state__action" onClick={props.onRetry} data-testid="retry-button">
          {props.retryText ?? '重试'}
        </Button>
      )}
    </View>
  );
}

export function LoadingState(props: { text?: string }) {
  return (
    <View className="mh-state" data-testid="loading-state">
      <View className="mh-spinner" />
      <Text className="mh-state__message">{props.text ?? '正在加载，请稍候…'}</Text>
    </View>
  );
}

export function EmptyState(props: { title: string; description?: string; actionText?: string; onAction?: () => void }) {
  return (
    <View className="mh-state" data-testid="empty-state">
      <Text className="mh-state__title">{props.title}</Text>
      {props.description && <Text className="mh-state__message">{props.description}</Text>}
      {props.onAction && (
        <Button type="primary" size="large" className="mh-state__action" onClick={props.onAction}>
          {props.actionText ?? '去看看'}
        </Button>
      )}
    </View>
  );
}
