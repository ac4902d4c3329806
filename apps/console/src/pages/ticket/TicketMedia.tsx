// Photos (zoomable preview) and videos (HTML5 player) on their short-lived links. A link that expires
// or fails is renewed by reloading the ticket, which hands out fresh links.
import type { TicketMedia as Media } from '@minhu/shared';
import { Empty, Image, Space, Typography } from 'antd';
import { useEffect } from 'react';

export function TicketMedia({ media, renew }: { media: Media[]; renew: () => void }) {
  // Renew a little before the links expire, so a video being watched keeps its source.
  useEffect(() => {
    if (!media.length) return;
    const expires = Math.min(...media.map((m) => new Date(m.urlExpiresAt).getTime()));
    const timer = setTimeout(renew, Math.max(5_000, expires - Date.now() - 20_000));
    return () => clearTimeout(timer);
  }, [media, renew]);

  if (!media.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未上传照片或视频" />;
  const photos = media.filter((m) => m.kind === 'image');
  const videos = media.filter((m) => m.kind === 'video');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap size={8}>
            {photos.map((p, i) => (
              <Image
                key={p.id}
                src={p.url}
                width={120}
                height={90}
                style={{ objectFit: 'cover', borderRadius: 4 }}
                alt={`照片 ${i + 1}`}
                data-testid="ticket-photo"
                onError={renew}
              />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {videos.map((v, i) => (
        <div key={v.id}>
          <Typography.Text type="secondary">视频 {i + 1}</Typography.Text>
          <video src={v.url} controls preload="metadata" style={{ display: 'block', width: 360, maxWidth: '100%', background: '#000' }} onError={renew} data-testid="ticket-video" />
        </div>
      ))}
    </Space>
  );
}
