// Attachment tiles: per-file status and progress, 重试 only where it can help, 删除, and the counts.
import { describe, expect, it, vi } from 'vitest';
import type { Attachment } from '../upload/attachments';
import { mount } from '../../tests/render';
import { AttachmentTiles } from './AttachmentTiles';

const item = (over: Partial<Attachment>): Attachment => ({ localId: 'x', kind: 'image', path: 'blob:x', contentType: 'image/jpeg', size: 1, status: 'done', progress: 100, retryable: true, attempts: 1, ...over });

describe('AttachmentTiles', () => {
  it('shows progress and failures, and wires retry, remove and add', async () => {
    const onRetry = vi.fn();
    const onRemove = vi.fn();
    const onAdd = vi.fn();
    const items = [
      item({ localId: 'a', status: 'uploading', progress: 42 }),
      item({ localId: 'b', status: 'failed', error: '网络不给力，请检查网络后重试' }),
      item({ localId: 'c', status: 'failed', retryable: false, error: '页面刷新后需要重新选择这个文件' }),
      item({ localId: 'v', kind: 'video', contentType: 'video/mp4', status: 'done' }),
    ];
    const m = await mount(<AttachmentTiles items={items} onAdd={onAdd} onRetry={onRetry} onRemove={onRemove} />);
    const tiles = m.byTestId('attachment-tile');
    expect(tiles.map((t) => t.getAttribute('data-status'))).toEqual(['uploading', 'failed', 'failed', 'done']);
    expect(tiles[0]!.textContent).toContain('正在上传 42%');
    expect(tiles[1]!.textContent).toContain('网络不给力');
    expect(m.byTestId('attachment-retry')).toHaveLength(1); // not on the file that is gone
    await m.click(m.one('attachment-retry'));
    expect(onRetry).toHaveBeenCalledWith('b');
    await m.click(m.byTestId('attachment-remove')[2]!);
    expect(onRemove).toHaveBeenCalledWith('c');
    expect(m.one('add-image').textContent).toContain('3/9');
    expect(m.one('add-video').textContent).toContain('1/3');
    await m.click(m.one('add-video'));
    expect(onAdd).toHaveBeenCalledWith('video');
    m.unmount();
  });

  it('stops offering to add photos at nine', async () => {
    const onAdd = vi.fn();
    const items = Array.from({ length: 9 }, (_, i) => item({ localId: `i${i}` }));
    const m = await mount(<AttachmentTiles items={items} onAdd={onAdd} onRetry={() => {}} onRemove={() => {}} />);
    await m.click(m.one('add-image'));
    expect(onAdd).not.toHaveBeenCalled();
    m.unmount();
  });
});
