// Photos and videos of a ticket as thumbnails; tap to view full screen (links are short-lived, so
// an expired one reloads the ticket first).
import Taro from '@tarojs/taro';
import { Image, Text, Video, View } from '@tarojs/components';
import { Popup } from '@nutui/nutui-react-taro';
import type { TicketMedia } from '@minhu/shared';
import { previewImages } from '../../lib/preview';
import { useState } from 'react';

export function MediaGrid(props: { media: TicketMedia[]; refresh: () => Promise<TicketMedia[]> }) {
  const [video, setVideo] = useState<string | null>(null);

  const fresh = async (): Promise<TicketMedia[]> => {
    const expired = props.media.some((m) => Date.parse(m.urlExpiresAt) < Date.now() + 10_000);
    return expired ? props.refresh() : props.media;
  };

  const open = async (index: number) => {
    const media = await fresh().catch(() => props.media);
    const item = media[index];
    if (!item) return;
    if (item.kind === 'image') {
      const urls = media.filter((m) => m.kind === 'image').map((m) => m.url);
      previewImages(urls, item.url);
    } else if (process.env.TARO_ENV === 'weapp') {
      Taro.previewMedia({ sources: [{ url: item.url, type: 'video' }] }).catch(() => setVideo(item.url));
    } else {
      setVideo(item.url);
    }
  };

  return (
    <View className="mh-media" data-testid="ticket-media">
      {props.media.map((m, i) => (
        <View key={m.id} className="mh-media__item" onClick={() => void open(i)} data-testid="media-thumb">
          {m.kind === 'image' ? <Image className="mh-media__img" src={m.url} mode="aspectFill" lazyLoad /> : <Text className="mh-media__video">▶ 视频</Text>}
        </View>
      ))}
      <Popup visible={!!video} position="center" closeable onClose={() => setVideo(null)} destroyOnClose>
        {video && <Video src={video} autoplay controls className="mh-media__player" />}
      </Popup>
    </View>
  );
}
