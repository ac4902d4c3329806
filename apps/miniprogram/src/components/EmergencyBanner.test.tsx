// The emergency banner and the home page's emergency strip: each number dials itself with one tap.
import Taro from '@tarojs/taro';
import { describe, expect, it, vi } from 'vitest';
import { mount } from '../../tests/render';
import { EmergencyBanner } from './EmergencyBanner';
import { EmergencyStrip } from './EmergencyStrip';

describe('EmergencyBanner', () => {
  it('shows every number with its service and dials on tap', async () => {
    const call = vi.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' } as never);
    const m = await mount(<EmergencyBanner numbers={['119', '120']} />);
    expect(m.one('emergency-banner').getAttribute('role')).toBe('alert');
    expect(m.text()).toContain('119');
    expect(m.text()).toContain('火警');
    expect(m.text()).toContain('急救');
    await m.click(m.one('call-119'));
    expect(call).toHaveBeenCalledWith({ phoneNumber: '119' });
    m.unmount();
  });

  it('falls back to 110 / 119 / 120 / 122 when the answer names none', async () => {
    const m = await mount(<EmergencyBanner />);
    for (const n of ['110', '119', '120', '122']) expect(m.byTestId(`call-${n}`)).toHaveLength(1);
    m.unmount();
  });
});

describe('EmergencyStrip', () => {
  it('dials the number tapped, each labelled for screen readers', async () => {
    const call = vi.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' } as never);
    const m = await mount(<EmergencyStrip />);
    for (const n of ['110', '119', '120']) {
      call.mockClear();
      expect(m.one(`sos-${n}`).getAttribute('aria-label')).toBe(`拨打 ${n}`);
      await m.click(m.one(`sos-${n}`));
      expect(call).toHaveBeenCalledWith({ phoneNumber: n });
    }
    m.unmount();
  });
});
