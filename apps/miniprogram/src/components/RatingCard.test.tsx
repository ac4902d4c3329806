// The callback rating card: nothing is sent until the choices are complete; a dissatisfied rating needs
// its reason; the value sent matches the shared RateTicket schema.
import { RateTicketSchema, type RateTicket } from '@minhu/shared';
import { describe, expect, it, vi } from 'vitest';
import { mount } from '../../tests/render';
import { checkRating, RatingCard } from './RatingCard';

function option(container: HTMLElement, label: string): HTMLElement {
  const el = Array.from(container.querySelectorAll<HTMLElement>('.nut-radio')).find((r) => r.textContent?.trim() === label);
  if (!el) throw new Error(`no radio option ${label}`);
  return el;
}

describe('checkRating', () => {
  it('asks for what is missing, in order', () => {
    expect(checkRating({ satisfaction: null, resolved: null, comment: '' })).toEqual({ ok: false, message: '请选择满意程度' });
    expect(checkRating({ satisfaction: 'satisfied', resolved: null, comment: '' })).toEqual({ ok: false, message: '请选择问题是否已解决' });
    expect(checkRating({ satisfaction: 'dissatisfied', resolved: false, comment: ' ' }).ok).toBe(false);
    const ok = checkRating({ satisfaction: 'basically_satisfied', resolved: true, comment: '  辛苦了 ' });
    expect(ok).toEqual({ ok: true, value: { satisfaction: 'basically_satisfied', resolved: true, comment: '辛苦了' } });
  });
});

describe('RatingCard', () => {
  it('sends the rating once everything is chosen', async () => {
    const onSubmit = vi.fn(async (_value: RateTicket) => {});
    const m = await mount(<RatingCard onSubmit={onSubmit} submitting={false} />);
    await m.click(m.one('rating-submit'));
    expect(m.text()).toContain('请选择满意程度');
    expect(onSubmit).not.toHaveBeenCalled();

    await m.click(option(m.container, '不满意'));
    await m.click(option(m.container, '未解决'));
    expect(m.text()).toContain('不满意的原因（必填）');
    await m.click(m.one('rating-submit'));
    expect(m.text()).toContain('请写下不满意的原因');
    expect(onSubmit).not.toHaveBeenCalled();

    await m.click(option(m.container, '满意'));
    await m.click(m.one('rating-submit'));
    expect(onSubmit).toHaveBeenCalledWith({ satisfaction: 'satisfied', resolved: false });
    expect(RateTicketSchema.parse(onSubmit.mock.calls[0]![0])).toBeTruthy();
    m.unmount();
  });

  it('shows a failed submission with its reason', async () => {
    const m = await mount(<RatingCard onSubmit={async () => {}} submitting={false} error="网络不给力，请检查网络后重试" />);
    expect(m.text()).toContain('网络不给力');
    m.unmount();
  });
});
