// 常见问题 (sub/faq/index) and 问答原文 (sub/faq-entry/index) in the compiled mini-program: the
// category's questions come from the real gateway and are on screen (each a <view>, which WeChat's
// templates draw), the search bar's icons are drawn too, and a question opens its full entry with its
// provenance (来源：<department> · 更新于 <date>).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, missingTemplates, type MiniApp, type PageDriver } from './support/app-harness.js';
import { startBackend, type Backend } from './support/backend.js';

let be: Backend;
let app: MiniApp;
let faq: PageDriver;
let items: Array<{ id: string; question: string; answer: string; department: string; updatedAt: string }>;
/** The calendar day the app shows (its own clock's zone, as the phone's). */
const localDay = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

beforeAll(async () => {
  be = await startBackend();
  app = await launchApp({ dataDir: be.dataDir, gatewayUrl: be.gw.url, wechat: be.wechat, openid: 'o-weapp-faq' });
  faq = await app.openPage('sub/faq/index', { categoryId: 'business-registration' });
});
afterAll(async () => {
  app?.kill();
  await be?.close();
});

describe('常见问题 on the mini-program', () => {
  it('shows the category’s questions from the gateway, each one on screen', async () => {
    await faq.waitFor(() => app.wx.network.some((n) => n.url.includes('/api/faq?') && n.status === 200), 15_000, 'the FAQ list');
    items = (app.wx.network.find((n) => n.url.includes('/api/faq?'))!.body as { items: typeof items }).items;
    expect(items.length).toBeGreaterThan(1);
    await faq.waitForText('点一下问题，就能看到完整解答');
    expect(faq.text()).toContain('工商登记');
    const rendered = faq.findAll('faq-item');
    expect(rendered).toHaveLength(items.length);
    rendered.forEach((item, i) => expect(item.text()).toContain(items[i]!.question));
  });

  it('draws every element it renders: no NutUI <i> or <div> that WeChat’s templates lack', () => {
    // The search bar's magnifier and clear button are NutUI icons: on the mini-program each is a
    // <view> painted by its SVG mask, and the simulator rendered them from the compiled template.
    const icons = faq.findWhere((n) => /\bnut-icon\b/.test(String(n.props?.class ?? '')));
    expect(icons.length).toBeGreaterThanOrEqual(2);
    for (const icon of icons) expect(icon.node.nodeName).toBe('view');
    expect(missingTemplates).toEqual(new Set());
  });

  it('a question opens its full entry (问答原文), loaded from GET /api/faq/:id', async () => {
    await faq.tap(faq.findAll('faq-item')[1]!);
    await faq.waitFor(() => app.wx.callsOf('navigateTo').length === 1, 5_000, 'navigateTo');
    expect(app.wx.callsOf('navigateTo')[0]!.args.url).toBe(`/sub/faq-entry/index?id=${items[1]!.id}`);
    const entry = await app.follow(faq);
    await entry.waitForText(items[1]!.question, 15_000);
    expect(entry.text()).toContain(items[1]!.answer.slice(0, 30));
    // Who answers it and when it last changed, as the gateway said.
    expect(items[1]!.department.length).toBeGreaterThan(1);
    expect(entry.find('faq-entry-provenance').text()).toBe(`来源：${items[1]!.department} · 更新于 ${localDay(items[1]!.updatedAt)}`);
    expect(app.wx.network.some((n) => n.url.endsWith(`/api/faq/${items[1]!.id}`) && n.status === 200)).toBe(true);
  });

  it('called no wx API the stand-in lacks, and drew everything', () => {
    expect(app.wx.unhandled).toEqual([]);
    expect(missingTemplates).toEqual(new Set());
  });
});
