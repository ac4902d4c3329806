// The citizen's whole journey on a phone, in a real browser (Debian chromium via playwright-core,
// 375×812) against the real gateway on real SecantusDB + MinIO, serving the real H5 build:
// log in with the SMS code → ask the FAQ bot (and open the entry it quotes) → describe a complaint and
// follow the prefilled draft → attach a photo that goes straight to storage → reload mid-form → submit →
// 我的工单 → the operator works the ticket → the citizen reads the timeline, rates it and sees it closed →
// withdraws another ticket with a reason → 关怀模式 → emergency → 附议 (joins an incident nearby).
// Every citizen step goes through the UI; only the operator, and the filing of the second ticket, use
// the API. Screenshots of each screen land in tests/artifacts/ (gitignored).
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findCategory, TICKET_KIND_LABELS, type ChatMessageResponse } from '@minhu/shared';
import type { Locator, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../apps/gateway/src/commands/staff-accounts.js';
import { ARTIFACTS_DIR, launchPhone, screenshot, throttle, watchCspViolations, type Phone } from '../support/browser.js';
import { auditTapTargets, type SmallTarget } from '../support/tap-targets.js';
import { freshPhone, startTestGateway, type TestGateway } from '../support/gateway.js';
import { makeJpeg } from '../support/media.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const H5_DIST = join(ROOT, 'apps', 'h5', 'dist');
/** The DB is one Python process and the first chat answer warms the engine: be patient. */
const WAIT = 30_000;

let gw: TestGateway;
let phone: Phone;
let page: Page;
let op: string;
let tmp: string;
const citizenPhone = freshPhone();

const pageErrors: string[] = [];
/** What the gateway's Content-Security-Policy blocked (nothing, we hope). */
let cspViolations: string[] = [];
const requestUrls: string[] = [];
/** Origin of the presigned upload URL the gateway handed out (the storage service). */
let storageOrigin: string | null = null;

// What the journey carries from one step to the next.
let complaintDraft: NonNullable<ChatMessageResponse['draft']>;
let photoBytes: Buffer;
let photoPath: string;
let uploadId: string;
let ticketId: string;
let ticketNumber: string;
let department: string;
const REPLY = '经核查，该工地夜间违规施工属实，已责令停止夜间作业并处以罚款，后续将加强巡查。';
const ADDRESS_TYPED = '幸福路88号东侧工地（靠近幸福小区北门）';

// ---------- helpers ----------

/** Controls under 44×44 CSS px (48 in 关怀模式), by the screen they were found on. */
const smallTargets: Record<string, SmallTarget[]> = {};
/** How many controls each screen's measurement found (a measurement that sees nothing proves nothing). */
const measuredTargets: Record<string, number> = {};

/** Screenshot of the screen as it is, and a measurement of every control on it a finger can tap. */
async function snap(name: string) {
  await screenshot(page, name);
  const care = (await page.locator('.mh-page.mh-care').filter({ visible: true }).count()) > 0;
  const { measured, small } = await auditTapTargets(page, care ? 48 : 44);
  measuredTargets[name] = measured;
  if (small.length) smallTargets[name] = small;
}

/** The element of the page on screen (Taro keeps visited pages in the DOM, hidden). */
const shown = (testId: string): Locator => page.locator(`[data-testid="${testId}"]`).filter({ visible: true });

/** Taps a tab in the H5 tab bar. */
async function tapTab(label: '智能问答' | '我要反映' | '我的工单') {
  await page.locator('.taro-tabbar__tabbar').filter({ visible: true }).getByText(label, { exact: true }).tap();
}

/** A status chip with this label. Chips are NutUI Tags, found by class: Tag drops data-testid. */
function chip(scope: Locator, label: string): Locator {
  return scope.locator('.nut-tag').getByText(label, { exact: true });
}

/** A NutUI button by its text (the button element takes the tap, not the text inside it). */
function button(scope: Locator | Page, text: string): Locator {
  return scope.locator('taro-button-core').filter({ visible: true }).filter({ hasText: text });
}

/** The real text field inside a NutUI/Taro input or textarea wrapper carrying the test id. */
function field(testId: string, tag: 'input' | 'textarea' = 'input'): Locator {
  return shown(testId).locator(tag).first();
}

async function operator<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await gw.api(method, path, { token: op, body });
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body as T;
}

const move = (type: string, data: Record<string, string> = {}) => operator('POST', `/api/operator/tickets/${ticketId}/events`, { type, data });

/** Types into the chat box and sends it like a citizen; resolves with the bot's answer (as the API sent it). */
async function ask(question: string): Promise<ChatMessageResponse> {
  const home = shown('page-home');
  await home.waitFor();
  const input = field('chat-input');
  await input.tap();
  await input.fill(question);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/chat/messages') && r.request().method() === 'POST', { timeout: WAIT });
  await shown('chat-send').tap();
  const res = await answered;
  expect(res.status()).toBe(200);
  const body = (await res.json()) as ChatMessageResponse;
  // The answer is on screen, in the last bot bubble.
  const bubble = home.locator('[data-testid="bot-message"]').last();
  await bubble.filter({ hasText: body.reply.text.slice(0, 20) }).waitFor({ timeout: WAIT });
  await bubble.scrollIntoViewIfNeeded();
  return body;
}

function isRequest(r: Response, urlPart: string, method: string) {
  return r.url().includes(urlPart) && r.request().method() === method;
}

// ---------- setup ----------

beforeAll(async () => {
  // Builds the H5 site when apps/h5/dist is missing or older than its sources (about 40 s).
  execFileSync(process.execPath, [join(ROOT, 'scripts/ensure-build.mjs'), 'h5'], { cwd: ROOT, stdio: 'inherit' });
  gw = await startTestGateway({ H5_DIST_DIR: H5_DIST, CHAT_IP_PER_MINUTE: '1000', OUTBOX_POLL_MS: '100' }, { background: true });
  const { password } = await addStaff(gw.deps, { username: 'e2e-op', role: 'operator', name: '李话务员' });
  const session = await gw.api('POST', '/api/staff/session', { body: { username: 'e2e-op', password } });
  expect(session.status).toBe(200);
  op = session.body.token;

  tmp = await mkdtemp(join(tmpdir(), 'minhu-e2e-'));
  // A real phone-camera-sized JPEG (well over the 400 KB compression threshold).
  photoBytes = await makeJpeg(2400, 1800);
  photoPath = join(tmp, '工地夜间施工.jpg');
  await writeFile(photoPath, photoBytes);

  phone = await launchPhone({ baseURL: gw.url });
  page = phone.page;
  page.setDefaultTimeout(WAIT);
  page.on('pageerror', (err) => pageErrors.push(`${err.name}: ${err.message}`));
  cspViolations = await watchCspViolations(page);
  page.on('request', (req) => requestUrls.push(req.url()));
  page.on('response', async (res) => {
    if (isRequest(res, '/api/uploads', 'POST') && res.ok()) {
      const body = await res.json().catch(() => null);
      if (body?.url) storageOrigin = new URL(body.url).origin;
    }
  });
}, 300_000);

afterAll(async () => {
  await phone?.close();
  await gw?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

// ---------- the journey ----------

describe('a citizen on a phone, from login to a closed and rated ticket (H5, real services)', () => {
  it('1. logs in on 登录 with the SMS code from the development outbox', async () => {
    const first = await page.goto('/', { waitUntil: 'networkidle' });
    // The page runs under the gateway's CSP (scripts from 'self' only); violations are checked at the end.
    expect(first?.headers()['content-security-policy']).toContain("script-src 'self';");
    await shown('page-home').waitFor();
    await expect.poll(() => page.title()).toContain('民呼');

    // 我的工单 asks a signed-out citizen to log in.
    await tapTab('我的工单');
    const tickets = shown('page-tickets');
    await tickets.getByText('登录后查看您的工单').waitFor();
    await button(tickets, '手机号登录').tap();

    const login = shown('page-login');
    await login.waitFor();
    await field('login-phone').fill(citizenPhone);
    // No code is sent before the citizen agrees to the privacy policy (the box starts unticked).
    expect(await shown('login-consent').getAttribute('data-checked')).toBe('0');
    await shown('login-send-code').tap();
    await shown('login-error').getByText('请先阅读并勾选同意《隐私政策》').waitFor();
    expect(requestUrls.some((u) => u.includes('/api/auth/otp/request'))).toBe(false);
    await snap('01-login-consent-needed');
    // The policy is one tap away, and back.
    await shown('privacy-link').tap();
    await shown('page-privacy').getByText('我们收集哪些信息、为什么收集').waitFor();
    await snap('01-privacy-policy');
    await page.goBack();
    await login.waitFor();
    await shown('login-consent').tap();
    expect(await shown('login-consent').getAttribute('data-checked')).toBe('1');
    const otp = page.waitForResponse((r) => isRequest(r, '/api/auth/otp/request', 'POST'));
    await shown('login-send-code').tap();
    expect((await otp).status()).toBe(204);
    await login.getByText(`验证码已发送到 ${citizenPhone.slice(0, 3)}****${citizenPhone.slice(7)}`).waitFor();
    await shown('login-send-code').getByText(/秒后重发/).waitFor(); // the resend timer runs

    const code = await gw.lastSmsCode(citizenPhone);
    expect(code).toMatch(/^\d{6}$/);
    await field('login-code').fill(code);
    await snap('01-login');

    const verified = page.waitForResponse((r) => isRequest(r, '/api/auth/otp/verify', 'POST'));
    await shown('login-submit').tap();
    expect((await verified).status()).toBe(200);

    // Back on 我的工单, signed in, with the empty state.
    await tickets.getByText(`已登录：${citizenPhone.slice(0, 3)}`).waitFor();
    await tickets.getByText('您还没有反映过问题').waitFor();
    await snap('01-logged-in-tickets');
  });

  it('2. asks the FAQ bot on 首页/智能问答 and reads the answer', async () => {
    await tapTab('智能问答');
    const answer = await ask('身份证丢了怎么补办');
    expect(answer.intent).toBe('consult');
    const bubble = shown('page-home').locator('[data-testid="bot-message"]').last();
    await bubble.getByText(/补领/).first().waitFor();
    await bubble.getByText('这个回答有用吗？').waitFor();
    // Who answers it and when it last changed (Beijing time, as the phone's clock).
    const day = new Date(answer.source!.updatedAt).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    await bubble.locator('[data-testid="faq-provenance"]').getByText(`来源：市公安局 · 更新于 ${day}`, { exact: true }).waitFor();
    await snap('02-faq-answer');

    // 查看原文 opens the whole entry with the same provenance; back returns to the conversation.
    expect(answer.faqId).toBeTruthy();
    await bubble.locator('[data-testid="faq-source"]').tap();
    const entry = shown('page-faq-entry');
    await entry.locator('[data-testid="faq-entry-answer"]').filter({ hasText: /补领/ }).waitFor();
    await entry.locator('[data-testid="faq-entry-provenance"]').getByText(`来源：市公安局 · 更新于 ${day}`, { exact: true }).waitFor();
    await snap('02-faq-entry');
    await page.goBack();
    await shown('page-home').waitFor();
  });

  it('3. describes a complaint, follows the one-tap offer to a prefilled 我要反映 and attaches a photo', async () => {
    const answer = await ask('幸福路88号工地每天半夜施工，噪音太大，投诉');
    expect(answer.intent).toBe('complaint');
    expect(answer.draft).toBeTruthy();
    complaintDraft = answer.draft!;
    expect(complaintDraft.description).toContain('幸福路88号');

    const offer = shown('page-home').locator('[data-testid="report-from-chat"]').last();
    await offer.scrollIntoViewIfNeeded();
    await snap('03-complaint-answer');
    await offer.tap();

    // The report tab opens with the draft filled in.
    const report = shown('page-report');
    await report.waitFor();
    await report.getByText('已根据您在智能问答中说的内容帮您填好').waitFor();
    await expect.poll(() => field('description-input', 'textarea').inputValue()).toBe(complaintDraft.description);
    const kindLabel = TICKET_KIND_LABELS[complaintDraft.kind];
    await shown('field-kind').locator('.nut-radio-button-active').getByText(kindLabel, { exact: true }).waitFor();
    const categoryName = complaintDraft.categoryId ? findCategory(complaintDraft.categoryId)!.name : '请选择（不确定可以不选）';
    await shown('category-field').getByText(categoryName, { exact: true }).waitFor();
    if (complaintDraft.location?.address) {
      expect(await field('address-input', 'textarea').inputValue()).toBe(complaintDraft.location.address);
    }

    await snap('03-report-prefilled');

    // A photo through the file chooser: compressed on the phone, then straight to storage, on a weak
    // signal so its own progress bar can be watched.
    const unthrottle = await throttle(page);
    const presigned = page.waitForResponse((r) => isRequest(r, '/api/uploads', 'POST'));
    const chooser = page.waitForEvent('filechooser');
    await shown('add-image').tap();
    await (await chooser).setFiles(photoPath);
    const uploadRes = await presigned;
    expect(uploadRes.status()).toBe(201);
    const upload = await uploadRes.json();
    uploadId = upload.uploadId;
    const storageUrl: string = upload.url;
    expect(new URL(storageUrl).origin).not.toBe(new URL(gw.url).origin);
    const stored = page.waitForResponse((r) => r.url() === storageUrl && r.request().method() === 'POST', { timeout: WAIT });
    const tile = shown('attachment-tile');
    // While it travels: 正在上传 N% with its own progress bar, and the percentage moves.
    await tile.getByText(/^正在上传 \d+%$/).waitFor();
    await tile.locator('.nut-progress').waitFor();
    await shown('page-report').getByText('还有 1 个文件正在上传，请稍候').waitFor();
    await tile.getByText(/^正在上传 [1-9]\d?%$/).waitFor();
    await snap('03-report-photo-uploading');
    const storedRes = await stored;
    await unthrottle();
    expect(storedRes.status(), await storedRes.text().catch(() => '')).toBeGreaterThanOrEqual(200);
    expect(storedRes.status()).toBeLessThan(300);

    await expect.poll(() => tile.getAttribute('data-status'), { timeout: WAIT }).toBe('done');
    await tile.getByText('已上传', { exact: true }).waitFor();
    expect(await tile.locator('.nut-progress').count()).toBe(0); // the bar is gone once done
    await shown('add-image').getByText('1/9').waitFor();

    // Server side: the object is in storage, smaller than the original (compressed on the client).
    const record = await gw.deps.models.Upload.findById(uploadId).lean<{ size: number; contentType: string; ticketId: unknown }>();
    expect(record).toMatchObject({ contentType: 'image/jpeg', ticketId: null });
    expect(record!.size).toBeLessThan(photoBytes.length);
    console.log(`[e2e] photo: ${photoBytes.length} bytes picked, ${record!.size} bytes uploaded after compression on the phone`);
    await shown('field-media').scrollIntoViewIfNeeded();
    await snap('03-report-photo-uploaded');
  });

  it('4. reloads mid-form and finds the draft intact', async () => {
    const address = field('address-input', 'textarea');
    await address.tap();
    await address.fill(ADDRESS_TYPED);
    await shown('description-counter').waitFor();
    // The draft is saved locally shortly after typing.
    await page.waitForFunction((text) => Object.values(window.localStorage).some((v) => typeof v === 'string' && v.includes(text)), ADDRESS_TYPED);

    await page.reload({ waitUntil: 'networkidle' });
    const report = shown('page-report');
    await report.waitFor();
    await expect.poll(() => field('address-input', 'textarea').inputValue()).toBe(ADDRESS_TYPED);
    expect(await field('description-input', 'textarea').inputValue()).toBe(complaintDraft.description);
    await shown('field-kind').locator('.nut-radio-button-active').getByText(TICKET_KIND_LABELS[complaintDraft.kind], { exact: true }).waitFor();
    if (complaintDraft.categoryId) await shown('category-field').getByText(findCategory(complaintDraft.categoryId)!.name, { exact: true }).waitFor();
    // The uploaded photo survives too: it is in storage already.
    const tile = shown('attachment-tile');
    await expect.poll(() => tile.getAttribute('data-status')).toBe('done');
    await snap('04-draft-after-reload');
    await shown('field-location').scrollIntoViewIfNeeded();
    await snap('04-draft-after-reload-location-photo');
  });

  it('5. submits and sees the ticket with its status chip in 我的工单', async () => {
    const created = page.waitForResponse((r) => isRequest(r, '/api/tickets', 'POST') && !r.url().includes('/api/tickets/'));
    await shown('report-submit').tap();
    const res = await created;
    expect(res.status()).toBe(201);
    const { ticket } = await res.json();
    ticketId = ticket.id;
    ticketNumber = ticket.number;
    expect(ticket).toMatchObject({ status: 'submitted', kind: complaintDraft.kind, description: complaintDraft.description });
    expect(ticket.location?.address).toBe(ADDRESS_TYPED);
    expect(ticket.media).toHaveLength(1);

    // Server side: the photo now belongs to the ticket.
    const record = await gw.deps.models.Upload.findById(uploadId).lean<{ ticketId: unknown }>();
    expect(String(record?.ticketId)).toBe(ticketId);

    // 提交成功 → 查看工单 opens the detail.
    const modal = page.locator('.taro-modal__content').filter({ visible: true });
    await modal.getByText('提交成功').waitFor();
    await modal.getByText(`工单号 ${ticketNumber}`, { exact: false }).waitFor();
    await snap('05-submitted');
    await modal.getByText('查看工单', { exact: true }).tap();
    const detail = shown('page-ticket');
    await detail.getByText(`工单号 ${ticketNumber}`).waitFor();
    await chip(detail, '已提交').waitFor();

    // Back, and to 我的工单: the ticket is listed with its chip.
    await page.goBack();
    await shown('page-report').waitFor();
    // The form starts a new, empty draft after filing.
    await expect.poll(() => field('description-input', 'textarea').inputValue()).toBe('');
    await tapTab('我的工单');
    const card = shown('page-tickets').locator(`[data-testid="ticket-card"][data-ticket-id="${ticketId}"]`);
    await card.waitFor();
    await chip(card, '已提交').waitFor();
    await card.getByText(`工单号 ${ticketNumber}`).waitFor();
    await snap('05-my-tickets');
  });

  it('6. the operator works it through the callback; the citizen reads the timeline, rates it and sees it closed', async () => {
    const { departments } = await operator<{ departments: string[] }>('GET', '/api/operator/departments');
    expect(departments.length).toBeGreaterThan(0);
    department = departments.find((d) => /城管|住建|执法/.test(d)) ?? departments[0]!;
    await move('accepted');
    await move('dispatched', { department });
    await move('replied', { reply: REPLY });
    const inCallback = await move('callback');
    expect(inCallback.ticket).toMatchObject({ status: 'callback', canRate: true });

    // The citizen refreshes 我的工单 and opens the ticket.
    const tickets = shown('page-tickets');
    await shown('refresh-tickets').tap();
    const card = tickets.locator(`[data-testid="ticket-card"][data-ticket-id="${ticketId}"]`);
    await chip(card, '回访中').waitFor();
    await card.tap();

    const detail = shown('page-ticket');
    await chip(detail, '回访中').waitFor();
    const timeline = detail.locator('[data-testid="timeline"]');
    for (const label of ['已提交', '已受理', '已派单', '已答复', '回访中']) await timeline.getByText(label, { exact: true }).waitFor();
    await timeline.getByText(`承办部门：${department}`).waitFor();
    await timeline.getByText(`答复：${REPLY}`).waitFor();
    await timeline.getByText(/李话务员/).first().waitFor();
    await detail.getByText(ADDRESS_TYPED, { exact: false }).waitFor();
    await snap('06-ticket-detail');
    await timeline.getByText(`承办部门：${department}`).scrollIntoViewIfNeeded();
    await snap('06-ticket-timeline');

    // The rating card: 满意 + 已解决.
    const card2 = detail.locator('[data-testid="rating-card"]');
    await card2.waitFor();
    await card2.scrollIntoViewIfNeeded();
    await card2.getByText('满意', { exact: true }).tap();
    await card2.getByText('已解决', { exact: true }).tap();
    await card2.locator('textarea').fill('处理及时，晚上终于安静了，谢谢！');
    await card2.locator('.nut-radio-button-active').getByText('满意', { exact: true }).waitFor();
    await card2.locator('.nut-radio-button-active').getByText('已解决', { exact: true }).waitFor();
    await snap('06-rating-card');
    const rated = page.waitForResponse((r) => isRequest(r, `/api/tickets/${ticketId}/rating`, 'POST'));
    await shown('rating-submit').tap();
    expect((await rated).status()).toBe(200);
    const mine = detail.locator('[data-testid="ratings"]');
    await mine.getByText('第 1 次：满意 · 已解决').waitFor();
    await card2.waitFor({ state: 'detached' });
    const stored = await gw.deps.models.Ticket.findById(ticketId).lean<{ ratings: Array<{ satisfaction: string; resolved: boolean }> }>();
    expect(stored?.ratings).toEqual([expect.objectContaining({ satisfaction: 'satisfied', resolved: true })]);
    await snap('06-rated');

    // The operator closes it; the citizen sees 已办结 in the list and on the detail.
    const closed = await move('closed');
    expect(closed.ticket.status).toBe('closed');
    await page.goBack();
    await shown('page-tickets').waitFor();
    await shown('refresh-tickets').tap();
    await chip(card, '已办结').waitFor();
    await card.tap();
    await chip(detail, '已办结').waitFor();
    await timeline.getByText('已办结', { exact: true }).waitFor();
    expect(await detail.locator('[data-testid="rating-card"]').count()).toBe(0);
    await snap('06-closed');
  });

  it('6b. withdraws another ticket before acceptance, saying why', async () => {
    // A second ticket, filed through the API with the citizen's own session (filing by UI is step 5).
    const token = await page.evaluate(() => {
      let v: any = JSON.parse(localStorage.getItem('minhu.session.v1') ?? 'null');
      if (v && typeof v === 'object' && 'data' in v) v = v.data;
      return (typeof v === 'string' ? JSON.parse(v) : v)?.token as string;
    });
    const filed = await gw.api('POST', '/api/tickets', {
      token,
      headers: { 'Idempotency-Key': `e2e-withdraw-${Date.now()}` },
      body: { kind: 'suggestion', description: '建议在幸福路公交站增加遮雨棚，下雨天等车的老人很多。' },
    });
    expect(filed.status).toBe(201);
    const second = filed.body.ticket.id as string;

    await page.goBack();
    const tickets = shown('page-tickets');
    await tickets.waitFor();
    await shown('refresh-tickets').tap();
    await tickets.locator(`[data-testid="ticket-card"][data-ticket-id="${second}"]`).tap();
    const detail = shown('page-ticket');
    await detail.getByText(`工单号 ${filed.body.ticket.number}`).waitFor();
    await shown('withdraw-button').tap();
    // Nothing is sent without a reason; the shared schema's message says so.
    await shown('withdraw-form-submit').tap();
    await shown('withdraw-form-error').getByText('请说明撤回原因').waitFor();
    await field('withdraw-form-input', 'textarea').fill('已经有人反映过了');
    await snap('06b-withdraw-reason');
    const withdrawn = page.waitForResponse((r) => isRequest(r, `/api/tickets/${second}/withdraw`, 'POST'));
    await shown('withdraw-form-submit').tap();
    const res = await withdrawn;
    expect(res.status()).toBe(200);
    expect(JSON.parse(res.request().postData() ?? '{}')).toEqual({ reason: '已经有人反映过了' });
    await chip(detail, '已撤回').waitFor();
    await detail.locator('[data-testid="timeline"]').getByText('已撤回', { exact: true }).waitFor();
  });

  it('7. turns on 关怀模式 and the text really gets larger', async () => {
    // Straight back from the detail, as fast as a thumb does it (this used to leave a blank screen).
    await page.goBack();
    const tickets = shown('page-tickets');
    await tickets.waitFor();
    const excerpt = tickets.locator(`[data-testid="ticket-card"][data-ticket-id="${ticketId}"] .mh-tcard__excerpt`);
    const fontSize = (l: Locator) => l.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await fontSize(excerpt);
    await snap('07-care-mode-off');
    const care = tickets.locator('[data-testid="care-mode"]');
    await care.scrollIntoViewIfNeeded();
    await care.locator('[data-testid="care-mode-switch"]').tap();
    await care.getByText('已开启：大字体、高对比').waitFor();
    await expect.poll(() => fontSize(excerpt)).toBeGreaterThan(before);
    const after = await fontSize(excerpt);
    expect(after / before).toBeGreaterThanOrEqual(1.15);
    await snap('07-care-mode-on');

    // It applies to every screen and survives a reload.
    await tapTab('智能问答');
    await shown('page-home').and(page.locator('.mh-care')).waitFor();
    await page.reload({ waitUntil: 'networkidle' });
    await shown('page-home').and(page.locator('.mh-care')).waitFor();
  });

  it('8. an emergency message shows the unmistakable banner naming 119, and 继续反映 under it', async () => {
    const answer = await ask('楼下着火了');
    expect(answer.intent).toBe('emergency');
    const bubble = shown('page-home').locator('[data-testid="bot-message"]').last();
    const banner = bubble.locator('[data-testid="emergency-banner"]');
    await banner.waitFor();
    await banner.getByText('紧急情况，请立即拨打电话求助').waitFor();
    await banner.locator('[data-testid="call-119"]').getByText('119', { exact: true }).waitFor();
    expect(await banner.getAttribute('role')).toBe('alert');
    // Not urgent after all: one tap on to the report (the UI and weapp tests follow it).
    expect(answer.draft?.description).toBe('楼下着火了');
    await bubble.locator('[data-testid="emergency-continue"]').getByText('不是紧急情况？继续反映').waitFor();
    await banner.scrollIntoViewIfNeeded();
    await snap('08-emergency');
  });

  it('9. 附议: with a category and the phone’s position, the report page offers the incident two neighbours reported; joining it files into it', async () => {
    // Two neighbours reported a broken traffic light where the phone is (their browsers' WGS-84, as H5
    // sends it); the operator made the two one incident.
    const here = { latitude: 23.13512, longitude: 113.26431 };
    const neighbour = async (description: string) => {
      const { token } = await gw.login(freshPhone());
      const res = await gw.api('POST', '/api/tickets', {
        token,
        headers: { 'Idempotency-Key': `e2e-incident-${Date.now()}-${Math.random()}`, 'x-minhu-channel': 'h5' },
        body: { kind: 'complaint', categoryId: 'traffic-parking', description, location: { address: '人民中路与中山五路交叉口', lat: here.latitude, lng: here.longitude, coordSystem: 'wgs84' } },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.ticket as { id: string; number: string };
    };
    const a = await neighbour('人民中路与中山五路交叉口的红绿灯坏了，一直闪黄灯，过马路很危险。');
    const b = await neighbour('中山五路路口信号灯不亮两天了，早高峰车辆乱成一团，请尽快修。');
    const seen = await operator<{ ticket: { incidentId: string | null } }>('GET', `/api/operator/tickets/${b.id}`);
    const incidentId = seen.ticket.incidentId ?? (await operator<{ ticket: { incidentId: string } }>('POST', `/api/operator/tickets/${b.id}/incident`, { ticketId: a.id })).ticket.incidentId;
    expect(incidentId).toMatch(/^[0-9a-f]{24}$/);

    await phone.context.grantPermissions(['geolocation'], { origin: gw.url });
    await phone.context.setGeolocation(here);
    await tapTab('我要反映');
    const report = shown('page-report');
    await report.waitFor();
    await shown('category-field').tap();
    await shown('category-traffic-parking').tap();
    await shown('category-field').getByText('交通与停车', { exact: true }).waitFor();
    const nearbyAsked = page.waitForResponse((r) => isRequest(r, '/api/incidents/nearby', 'GET'));
    await shown('pick-location').tap();
    const asked = await nearbyAsked;
    expect(asked.status()).toBe(200);
    // The point went as the form keeps it: GCJ-02, converted from the browser's WGS-84.
    expect(new URL(asked.url()).searchParams.get('coordSystem')).toBe('gcj02');
    const card = shown('nearby-incidents');
    await card.getByText('附近已有市民反映').waitFor();
    const item = card.locator(`[data-testid="nearby-incident"][data-incident-id="${incidentId}"]`);
    await item.getByText('2 人反映').waitFor();
    await item.getByText(/(约 \d+ 米|10 米内)/).waitFor();
    await item.scrollIntoViewIfNeeded();
    await snap('09-nearby-incidents');

    await item.locator('[data-testid="nearby-join"]').tap();
    await shown('nearby-chosen').getByText(/这 2 位市民/).waitFor();
    await item.locator('[data-testid="nearby-cancel"]').waitFor();
    // The browser gave a position without an address: the incident's address fills it.
    await expect.poll(() => field('address-input', 'textarea').inputValue()).toBe('人民中路与中山五路交叉口');
    await snap('09-nearby-joined');

    await field('description-input', 'textarea').fill('人民中路路口红绿灯今天还是坏的，我也差点被车撞到，请尽快修。');
    const created = page.waitForResponse((r) => isRequest(r, '/api/tickets', 'POST') && !r.url().includes('/api/tickets/'));
    await shown('report-submit').tap();
    const res = await created;
    expect(res.status()).toBe(201);
    expect(JSON.parse(res.request().postData() ?? '{}')).toMatchObject({ categoryId: 'traffic-parking', incidentId });
    const { ticket } = await res.json();
    const stored = await gw.deps.models.Ticket.findById(ticket.id).lean<{ incidentId: unknown }>();
    expect(String(stored?.incidentId)).toBe(incidentId);

    const modal = page.locator('.taro-modal__content').filter({ visible: true });
    await modal.getByText('查看工单', { exact: true }).tap();
    const detail = shown('page-ticket');
    await detail.getByText(`工单号 ${ticket.number}`).waitFor();
    await shown('incident-reporters').getByText('已有 3 位市民反映此问题').waitFor();
    await snap('09-ticket-reporters');
  });

  it('gives every control on every screen a target a finger can hit (44×44 CSS px, 48 in 关怀模式)', async () => {
    await writeFile(join(ARTIFACTS_DIR, 'tap-targets.json'), JSON.stringify({ measuredTargets, smallTargets }, null, 2));
    // The measurement saw the controls: a tab screen has at least its three tabs.
    for (const screen of ['01-logged-in-tickets', '02-faq-answer', '03-report-prefilled', '05-my-tickets', '07-care-mode-on', '08-emergency', '09-nearby-incidents']) {
      expect(measuredTargets[screen], screen).toBeGreaterThanOrEqual(3);
    }
    expect(smallTargets).toEqual({});
  });

  it('threw no uncaught page errors, broke no rule of the CSP, and talked only to the gateway and the storage service', () => {
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(storageOrigin).not.toBeNull();
    const allowed = new Set([new URL(gw.url).origin, storageOrigin!]);
    const network = requestUrls.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(network.some((u) => new URL(u).origin === storageOrigin)).toBe(true);
    const elsewhere = network.filter((u) => !allowed.has(new URL(u).origin));
    expect(elsewhere).toEqual([]);
  });
});
