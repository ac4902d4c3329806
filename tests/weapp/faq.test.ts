// 常见问题 (sub/faq/index) in the compiled mini-program: the category's questions come from the real
// gateway, but NutUI's Collapse renders <div> items that WeChat's template cannot draw — KNOWN BUG.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, missingTemplates, type MiniApp, type PageDriver } from './support/app-harness.js';
import { startBackend, type Backend } from './support/backend.js';

let be: Backend;
let app: MiniApp;
let faq: PageDriver;
let first: { question: string };

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
  it('loads the category’s questions from the gateway and shows the category', async () => {
    await faq.waitFor(() => app.wx.network.some((n) => n.url.includes('/api/faq?') && n.status === 200), 15_000, 'the FAQ list');
    const list = app.wx.network.find((n) => n.url.includes('/api/faq?'))!.body as { items: Array<{ question: string }> };
    expect(list.items.length).toBeGreaterThan(0);
    first = list.items[0]!;
    await faq.waitForText('点一下问题，就能看到解答');
    expect(faq.text()).toContain('工商登记');
  });

  // KNOWN BUG: apps/miniprogram/src/sub/faq/index.tsx:57-65 uses NutUI's Collapse, whose items are
  // <div class="nut-collapse-item">; Taro's weapp base.wxml has no template for div ("Template
  // `tmpl_0_div` not found"), so WeChat draws none of the questions or answers.
  it.fails('KNOWN BUG: the questions are on screen', async () => {
    await faq.waitForText(first.question, 3_000);
  });

  it('says which elements WeChat cannot draw', () => {
    expect(missingTemplates).toContain('div');
    expect(app.wx.unhandled).toEqual([]);
  });
});
