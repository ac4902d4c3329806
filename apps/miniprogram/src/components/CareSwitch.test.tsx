// 关怀模式: the switch enlarges every page shell at once and is remembered.
import { describe, expect, it } from 'vitest';
import { careMode } from '../lib/care-mode';
import { STORAGE_KEYS } from '../lib/storage-keys';
import { mount } from '../../tests/render';
import { CareSwitch } from './CareSwitch';
import { PageShell } from './PageShell';

describe('care mode', () => {
  it('turns on the large, high-contrast style on every page shell and saves it', async () => {
    careMode.set(false);
    const m = await mount(
      <>
        <PageShell testId="a">
          <CareSwitch />
        </PageShell>
        <PageShell testId="b">内容</PageShell>
      </>,
    );
    expect(m.one('a').className).not.toContain('mh-care');
    const sw = m.container.querySelector<HTMLElement>('.nut-switch')!;
    await m.click(sw);
    expect(m.one('a').className).toContain('mh-care');
    expect(m.one('b').className).toContain('mh-care');
    expect(localStorage.getItem(STORAGE_KEYS.careMode)).toContain('1');
    expect(m.text()).toContain('已开启：大字体、高对比');
    await m.click(sw);
    expect(m.one('b').className).not.toContain('mh-care');
    m.unmount();
  });
});
