// 智能问答 in the compiled mini-program: an emergency gets the call-now banner with 不是紧急情况？继续反映 under
// it, and the standing strip under the greeting dials 110, 119 or 120 as tapped, each labelled for WeChat's
// screen reader; an FAQ answer names its source; two 没用 in a row offer a person, and 拨打12345 dials the hotline;
// a complaint gets the one-tap offer, whose draft reaches 我要反映 through wx storage and wx.switchTab.
// Real gateway and chat engine behind wx.request.
import type { ChatMessageResponse } from '@minhu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, missingTemplates, type MiniApp, type PageDriver } from './support/app-harness.js';
import { startBackend, type Backend } from './support/backend.js';

let be: Backend;
let app: MiniApp;
let home: PageDriver;

beforeAll(async () => {
  be = await startBackend();
  app = await launchApp({ dataDir: be.dataDir, gatewayUrl: be.gw.url, wechat: be.wechat, openid: 'o-weapp-chat' });
  home = await app.openPage('pages/index/index');
});
afterAll(async () => {
  app?.kill();
  await be?.close();
});

/** Types a question and sends it like a citizen; resolves with the answer the gateway sent. */
async function ask(question: string): Promise<ChatMessageResponse> {
  const before = home.findAll('bot-message').length;
  await home.input('chat-input', question);
  expect(home.find('chat-input').value()).toBe(question);
  await home.tap('chat-send');
  await home.waitFor(() => home.findAll('bot-message').length > before, 30_000, 'the bot to answer');
  const sent = app.wx.network.filter((n) => n.api === 'request' && n.url.endsWith('/api/chat/messages'));
  expect(sent.at(-1)).toMatchObject({ method: 'POST', status: 200 });
  return sent.at(-1)!.body as ChatMessageResponse;
}

describe('智能问答 on the mini-program', () => {
  it('shows the emergency banner for a fire and dials the number tapped', async () => {
    const answer = await ask('楼下着火了，有人被困在里面');
    expect(answer.intent).toBe('emergency');
    expect(answer.reply.emergencyNumbers).toContain('119');

    const bubble = home.findAll('bot-message').at(-1)!;
    expect(bubble.attr('data-intent')).toBe('emergency');
    const banner = bubble.find('emergency-banner');
    expect(banner.text()).toContain('紧急情况，请立即拨打电话求助');
    // Every number the gateway chose is on the banner, each with its own call button.
    for (const n of answer.reply.emergencyNumbers!) expect(banner.find(`call-${n}`).text()).toContain(n);
    expect(banner.find('call-119').text()).toContain('火警 · 点击拨打');
    expect(bubble.text()).toContain(answer.reply.text.slice(0, 20));

    // Each number on the banner dials itself, and carries its label in what the simulator rendered.
    for (const n of answer.reply.emergencyNumbers!) {
      const before = app.wx.callsOf('makePhoneCall').length;
      expect(banner.find(`call-${n}`).renderedAttrs()['aria-label']).toBe(`拨打 ${n}`);
      await home.tap(banner.find(`call-${n}`));
      await home.waitFor(() => app.wx.callsOf('makePhoneCall').length === before + 1, 5_000, `makePhoneCall ${n}`);
      expect(app.wx.callsOf('makePhoneCall').at(-1)).toMatchObject({ args: { phoneNumber: n }, gesture: true });
    }
    expect(banner.renderedAttrs()['aria-role']).toBe('alert');
    // The way on for a false alarm, under the numbers, with the gateway's draft (tapped in the H5 UI test).
    expect(answer.draft?.description).toBe('楼下着火了，有人被困在里面');
    expect(bubble.find('emergency-continue').text()).toBe('不是紧急情况？继续反映');
  });

  it('the emergency strip under the greeting dials the number tapped: 110, 119 and 120 each', async () => {
    const strip = home.find('emergency-strip');
    expect(strip.text()).toContain('遇到火灾、受伤、违法犯罪等紧急情况，请直接拨打');
    for (const [n, label] of [['110', '报警'], ['119', '火警'], ['120', '急救']] as const) {
      const call = strip.find(`sos-${n}`);
      expect(call.text()).toBe(`${n}${label}`);
      // What WeChat's screen reader gets: the template's aria-* as the simulator rendered them.
      expect(call.renderedAttrs()).toMatchObject({ 'aria-label': `拨打 ${n}`, 'aria-role': 'button' });
      const before = app.wx.callsOf('makePhoneCall').length;
      await home.tap(call);
      await home.waitFor(() => app.wx.callsOf('makePhoneCall').length === before + 1, 5_000, `makePhoneCall ${n}`);
      expect(app.wx.callsOf('makePhoneCall').at(-1)).toMatchObject({ args: { phoneNumber: n }, gesture: true });
    }
  });

  it('names an answer’s source, and after two 没用 in a row dials 12345 with wx.makePhoneCall', async () => {
    const first = await ask('公积金怎么提取');
    expect(first.source?.faqId).toBe(first.faqId);
    const firstBubble = home.findAll('bot-message').at(-1)!;
    expect(firstBubble.find('faq-provenance').text()).toMatch(/^来源：住房公积金管理中心 · 更新于 \d{4}-\d{2}-\d{2}$/);
    await home.tap(firstBubble.find('feedback-unhelpful'));
    await home.waitFor(() => firstBubble.findAll('unhelpful-options').length === 1, 10_000, 'the first 没用 to be answered');
    expect(firstBubble.findAll('handoff')).toHaveLength(0);

    const second = await ask('社保卡怎么激活');
    expect(second.handoff).toBeUndefined();
    const bubble = home.findAll('bot-message').at(-1)!;
    await home.tap(bubble.find('feedback-unhelpful'));
    await home.waitFor(() => bubble.findAll('handoff').length === 1, 10_000, 'the offer of a person');
    const feedback = app.wx.network.filter((n) => n.api === 'request' && n.url.endsWith('/api/chat/feedback')).at(-1)!;
    expect((feedback.body as { handoff?: { phone: string } }).handoff?.phone).toBe('12345');
    expect(bubble.find('handoff-message').text()).toBe('留言给人工');

    const before = app.wx.callsOf('makePhoneCall').length;
    await home.tap(bubble.find('handoff-call'));
    await home.waitFor(() => app.wx.callsOf('makePhoneCall').length === before + 1, 5_000, 'makePhoneCall 12345');
    expect(app.wx.callsOf('makePhoneCall').at(-1)).toMatchObject({ args: { phoneNumber: '12345' }, gesture: true });
  });

  it('turns a complaint into a prefilled report through storage and switchTab', async () => {
    const answer = await ask('幸福路88号工地每天半夜施工，噪音太大，投诉');
    expect(answer.intent).toBe('complaint');
    expect(answer.draft?.description).toContain('幸福路88号');

    const offer = home.findAll('report-from-chat').at(-1)!;
    expect(offer.text()).toBe('一键反映这个问题（已帮您填好）');
    await home.tap(offer);

    // The draft waits in wx storage for the report tab (tab pages take no query), and the tab opens.
    const handoff = JSON.parse(app.wx.api.getStorageSync('minhu.reportHandoff.v1') as string);
    expect(handoff).toEqual(answer.draft);
    await home.waitFor(() => app.wx.callsOf('switchTab').length === 1, 5_000, 'switchTab');
    expect(app.wx.callsOf('switchTab')[0]!.args.url).toBe('/pages/report/index');

    const report = await app.follow(home);
    await report.waitForText('已根据您在智能问答中说的内容帮您填好', 10_000);
    expect(report.find('description-input').value()).toBe(answer.draft!.description);
    // The report tab took the handoff: it is gone from storage, and the form's own draft is saved.
    expect(app.wx.api.getStorageSync('minhu.reportHandoff.v1')).toBe('');
    await report.waitFor(() => String(app.wx.api.getStorageSync('minhu.reportDraft.v1')).includes('幸福路88号'), 5_000, 'the draft to be saved');
  });

  it('talked only to the gateway, called no wx API the stand-in lacks, and drew every element', () => {
    expect(app.wx.unhandled).toEqual([]);
    expect(missingTemplates).toEqual(new Set());
    expect(new Set(app.wx.network.map((n) => new URL(n.sentTo).origin))).toEqual(new Set([be.gw.url]));
  });
});
