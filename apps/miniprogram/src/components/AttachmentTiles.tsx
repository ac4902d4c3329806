// Photos and videos of a report: a thumbnail per file with its own progress bar, 重试 and 删除,
// and the add buttons with how many more fit.
import { Image, Text, View } from '@tarojs/components';
import { Progress } from '@nutui/nutui-react-taro';
import { MEDIA_LIMITS, type MediaKind } from '@minhu/shared';
import { previewImages } from '../lib/preview';
import { countOf, type Attachment } from '../upload/attachments';
import './AttachmentTiles.scss';

const STATUS_TEXT: Record<Attachment['status'], string> = {
  queued: '等待上传',
  compressing: '正在压缩',
  uploading: '正在上传',
  done: '已上传',
  failed: '上传失败',
};

export function AttachmentTiles(props: {
  items: Attachment[];
  onAdd: (kind: MediaKind) => void;
  onRetry: (localId: string) => void;
  onRemove: (localId: string) => void;
}) {
  const images = props.items.filter((a) => a.kind === 'image');
  const preview = (a: Attachment) => {
    if (a.kind === 'image') previewImages(images.map((i) => i.path), a.path);
  };
  return (
    <View className="mh-tiles" data-testid="attachments">
      <View className="mh-tiles__grid">
        {props.items.map((a) => (
          <View key={a.localId} className={`mh-tile mh-tile--${a.status}`} data-testid="attachment-tile" data-status={a.status}>
            <View className="mh-tile__thumb" onClick={() => preview(a)}>
              {a.kind === 'image' || a.thumb ? (
                <Image className="mh-tile__img" src={a.kind === 'image' ? a.path : a.thumb!} mode="aspectFill" />
              ) : (
                <Text className="mh-tile__video">视频</Text>
              )}
              {a.kind === 'video' && <Text className="mh-tile__badge">视频</Text>}
            </View>
            <Text className="mh-tile__status">{a.status === 'uploading' ? `${STATUS_TEXT[a.status]} ${a.progress}%` : STATUS_TEXT[a.status]}</Text>
            {(a.status === 'uploading' || a.status === 'compressing' || a.status === 'queued') && (
              <Progress percent={a.progress} showText={false} strokeWidth="6" />
            )}
            {a.status === 'failed' && a.error && <Text className="mh-tile__error">{a.error}</Text>}
            <View className="mh-tile__actions">
              {a.status === 'failed' && a.retryable && (
                <Text className="mh-tile__btn mh-tile__btn--primary" onClick={() => props.onRetry(a.localId)} data-testid="attachment-retry">
                  重试
                </Text>
              )}
              <Text className="mh-tile__btn" onClick={() => props.onRemove(a.localId)} data-testid="attachment-remove">
                删除
              </Text>
            </View>
          </View>
        ))}
      </View>
      <View className="mh-tiles__add">
        {(['image', 'video'] as const).map((kind) => {
          const used = countOf(props.items, kind);
          const max = MEDIA_LIMITS[kind].maxPerTicket;
          const full = used >= max;
          return (
            <View
              key={kind}
              className={`mh-tiles__add-btn${full ? ' mh-tiles__add-btn--full' : ''}`}
              onClick={() => !full && props.onAdd(kind)}
              data-testid={`add-${kind}`}
              aria-label={kind === 'image' ? '添加照片' : '添加视频'}
            >
              <Text className="mh-tiles__add-plus">+</Text>
              <Text className="mh-tiles__add-text">{kind === 'image' ? '拍照/选照片' : '拍摄/选视频'}</Text>
              <Text className="mh-tiles__add-count">
                {used}/{max}
              </Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}
