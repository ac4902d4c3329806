// Error, loading and empty states render their Chinese text and the retry button works.
import { describe, expect, it, vi } from 'vitest';
import { mount } from '../../tests/render';
import { EmptyState, ErrorState, LoadingState } from './ErrorState';

describe('ErrorState', () => {
  it('shows the message and calls retry', async () => {
    const onRetry = vi.fn();
    const m = await mount(<ErrorState message="网络不给力，请检查网络后重试" onRetry={onRetry} />);
    expect(m.text()).toContain('网络不给力，请检查网络后重试');
    expect(m.one('error-state').getAttribute('role')).toBe('alert');
    await m.click(m.one('retry-button'));
    expect(onRetry).toHaveBeenCalledTimes(1);
    m.unmount();
  });

  it('loading and empty states say what is happening', async () => {
    const m = await mount(
      <>
        <LoadingState />
        <EmptyState title="您还没有反映过问题" />
      </>,
    );
    expect(m.text()).toContain('正在加载');
    expect(m.text()).toContain('您还没有反映过问题');
    m.unmount();
  });
});
