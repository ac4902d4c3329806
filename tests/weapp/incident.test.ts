// 附议 in the compiled mini-program: two neighbours have already reported a broken traffic light at the
// spot WeChat's map picker answers (an incident, made by the operator through the API). A third citizen
// opens 我要反映, chooses the category and the place, and the page offers "附近已有市民反映" with that
// incident (summary, address, distance, 2 人反映). 附议 marks the draft, another category drops the
// choice, choosing again and filing sends incidentId: the ticket joins the incident in the database,
// and its 工单详情 says "已有 3 位市民反映此问题".
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPhone } from '../support/gateway.js';
import { launchApp, missingTemplates, unhandledRejections, type MiniApp, type PageDriver } from './support/app-harness.js';
import { startBackend, type Backend } from './support/backend.js';
import { agreePrivacyOnPhone } from './support/privacy.js';

const OPENID = 'o-weapp-incident';
const CATEGORY = 'traffic-parking';
/** Where WeChat's map picker drops the pin in the stand-in (GCJ-02). */
const PIN = { lat: 39.905138, lng: 116.397478 };
const FIRST = '天安门广场东侧路口的红绿灯坏了，一直闪黄灯，车和行人都很乱，很危险。';
const MINE = '天安门广场东侧路口红绿灯今天还是坏的，早高峰很堵，请尽快修复。';
const PHONE = freshPhone();

let be: Backend;
let app: MiniApp;
let report: PageDriver;
let op: string;
let incidentId: string;
let leadNumber: string;

const requestsTo = (path: string) => app.wx.network.filter((n) => n.api === 'request' && n.url.includes(path));

/** A neighbour (signed in by SMS) files a ticket at the pin. */
async function neighbourFiles(description: string): Promise<{ id: string; number: string }> {
  const phone = freshPhone();
  expect((await be.gw.api('POST', '/api/auth/otp/request', { body: { phone } })).status).toBe(204);
  const login = await be.gw.api('POST', '/api/auth/otp/verify', { body: { phone, code: await be.gw.lastSmsCode(phone) } });
  expect(login.status).toBe(200);
  const res = await be.gw.api('POST', '/api/tickets', {
    token: login.body.token,
    headers: { 'idempotency-key': randomUUID(), 'x-minhu-channel': 'h5' },
    body: { kind: 'complaint', categoryId: CATEGORY, description, location: { address: '北京市东城区东长安街 天安门广场东侧路口', lat: PIN.lat, lng: PIN.lng, coordSystem: 'gcj02' } },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket;
}

beforeAll(async () => {
  be = await startBackend();
  op = await be.operator();
  const a = await neighbourFiles(FIRST);
  const b = await neighbourFiles('天安门东侧路口信号灯故障，只闪黄灯，过马路很危险，希望尽快修。');
  // However the gateway matched them on filing, the operator makes them one incident.
  const detail = await be.gw.api('GET', `/api/operator/tickets/${b.id}`, { token: op });
  if (!detail.body.ticket.incident) {
    const attached = await be.gw.api('POST', `/api/operator/tickets/${b.id}/incident`, { token: op, body: { ticketId: a.id } });
    expect(attached.status, JSON.stringify(attached.body)).toBe(200);
    incidentId = attached.body.ticket.incidentId;
    leadNumber = attached.body.ticket.incident.leadNumber;
  } else {
    incidentId = detail.body.ticket.incidentId;
    leadNumber = detail.body.ticket.incident.leadNumber;
  }
  expect(incidentId).toMatch(/^[0-9a-f]{24}$/);
  agreePrivacyOnPhone(be.dataDir); // this journey is about 附议 (privacy.test.ts is about the pop-up)
  app = await launchApp({ dataDir: be.dataDir, gatewayUrl: be.gw.url, wechat: be.wechat, openid: OPENID });
  report = await app.openPage('pages/report/index');
});
afterAll(async () => {
  app?.kill();
  await be?.close();
});

async function chooseCategory(id: string) {
  await report.tap('category-field');
  await report.waitFor(() => report.has(`category-${id}`), 5_000, 'the category grid');
  await report.tap(`category-${id}`);
}

describe('附议 on the mini-program', () => {
  it('with a category and a map point, the page offers the open incident nearby', async () => {
    await chooseCategory(CATEGORY);
    // A point alone, or a category alone, asks nothing.
    expect(requestsTo('/api/incidents/nearby')).toEqual([]);
    await report.tap('pick-location');
    await report.waitForText('已附上定位');
    const card = await report.waitFor(() => report.has('nearby-incidents') && report.find('nearby-incidents'), 15_000, 'the nearby card');
    // Signed in silently with WeChat for it (no tap on a login page), then asked with the GCJ-02 pin.
    expect(app.wx.loginCodes).toHaveLength(1);
    const asked = requestsTo('/api/incidents/nearby');
    expect(asked.map((n) => n.status)).toEqual([200]);
    const q = new URL(asked[0]!.url).searchParams;
    expect(Object.fromEntries(q)).toMatchObject({ lat: String(PIN.lat), lng: String(PIN.lng), coordSystem: 'gcj02', categoryId: CATEGORY });

    expect(card.text()).toContain('附近已有市民反映');
    const items = report.findAll('nearby-incident');
    expect(items).toHaveLength(1);
    expect(items[0]!.attr('data-incident-id')).toBe(incidentId);
    expect(items[0]!.text()).toContain(FIRST.slice(0, 12));
    expect(items[0]!.text()).toMatch(/约 \d+ 米|10 米内/);
    expect(items[0]!.text()).toContain('2 人反映');
    // What WeChat's screen reader reads on the button.
    expect(items[0]!.find('nearby-join').renderedAttrs()['aria-label']).toMatch(/^附议：/);
  });

  it('附议 marks the draft; another category drops the choice; choosing again works', async () => {
    await report.tap('nearby-join');
    await report.waitFor(() => report.has('nearby-chosen'), 5_000, 'the choice');
    expect(report.find('nearby-chosen').text()).toContain('2 位市民');
    expect(report.has('nearby-cancel')).toBe(true);

    await chooseCategory('noise');
    await report.waitFor(() => !report.has('nearby-incidents'), 10_000, 'the card to go (no noise incident here)');
    await chooseCategory(CATEGORY);
    await report.waitFor(() => report.has('nearby-join'), 10_000, 'the card again, not chosen');
    expect(report.has('nearby-chosen')).toBe(false);
    await report.tap('nearby-join');
    await report.waitFor(() => report.has('nearby-chosen'), 5_000, 'the choice again');
  });

  it('filing sends incidentId: the ticket joins the incident, and its page says 已有 3 位市民反映此问题', async () => {
    await report.input('description-input', MINE);
    await report.input('phone-input', PHONE);
    await report.tap('report-submit');
    await report.waitFor(() => app.wx.callsOf('navigateTo').length === 1, 20_000, 'the ticket page to open');
    const filed = requestsTo('/api/tickets').filter((n) => /\/api\/tickets$/.test(new URL(n.url).pathname)).at(-1)!;
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const ticket = (filed.body as { ticket: { id: string; number: string } }).ticket;

    const stored = await be.gw.deps.models.Ticket.findById(ticket.id).lean<any>();
    expect(String(stored.incidentId)).toBe(incidentId);
    expect(stored).toMatchObject({ categoryId: CATEGORY, channel: 'miniprogram', description: MINE });
    const staffView = await be.gw.api('GET', `/api/operator/tickets/${ticket.id}`, { token: op });
    expect(staffView.body.ticket.incident.ticketNumbers).toContain(ticket.number);
    expect(staffView.body.ticket.incident.leadNumber).toBe(leadNumber);

    const detail = await app.follow(report);
    await detail.waitForText(`工单号 ${ticket.number}`, 15_000);
    expect(detail.find('incident-reporters').text()).toBe('已有 3 位市民反映此问题');
    // The form starts afresh, without the choice.
    await report.waitFor(() => report.find('description-input').value() === '', 5_000, 'an empty form');
  });

  it('called no wx API the stand-in lacks, drew every element and left no rejection unhandled', () => {
    expect(app.wx.unhandled).toEqual([]);
    expect(missingTemplates).toEqual(new Set());
    expect(unhandledRejections).toEqual([]);
  });
});
