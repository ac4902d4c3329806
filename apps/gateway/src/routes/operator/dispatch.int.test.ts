// Dispatch through the operator API on the real services: department suggestions (on the detail, the
// queue rows and the hotline's ticket.created), learning from the city's own dispatching, incidents
// (joined at filing by the pair model, 附议, attach and detach with their 409s, the lead carrying the
// others along), nearby incidents for the report page, and hotspots.
import { randomUUID } from 'node:crypto';
import { HotspotsResponseSchema, NearbyIncidentsResponseSchema, OperatorTicketDetailSchema, OperatorTicketPageSchema, TicketDetailSchema } from '@minhu/shared';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../../commands/staff-accounts.js';
import { buildHotlineEventBody } from '../../hotline/webhook.js';
import { freshPhone, startTestGateway, type TestGateway } from '../../../../../tests/support/gateway.js';

let gw: TestGateway;
let citizen: string;
let op: string;

// A crossroads in Baiyun (GCJ-02) and points a few tens of metres from it.
const CROSSING = { lat: 23.17312, lng: 113.27241 };
const near = (dLatMetres: number, dLngMetres: number) => ({ lat: CROSSING.lat + dLatMetres / 111_000, lng: CROSSING.lng + dLngMetres / 102_000 });

async function file(body: Record<string, unknown>, token = citizen) {
  const res = await gw.api('POST', '/api/tickets', { token, headers: { 'idempotency-key': randomUUID() }, body: { kind: 'complaint', ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket as { id: string; number: string };
}
const at = (address: string, point: { lat: number; lng: number }) => ({ location: { address, street: '棠景街道', ...point, coordSystem: 'gcj02' } });
const detail = async (id: string) => OperatorTicketDetailSchema.parse((await gw.api('GET', `/api/operator/tickets/${id}`, { token: op })).body.ticket);
const act = (id: string, body: unknown) => gw.api('POST', `/api/operator/tickets/${id}/events`, { token: op, body });

beforeAll(async () => {
  gw = await startTestGateway();
  await gw.deps.dispatch.ready();
  citizen = (await gw.login(freshPhone())).token;
  const { password } = await addStaff(gw.deps, { username: 'dispatch.op', role: 'operator', name: '派单员' });
  op = (await gw.api('POST', '/api/staff/session', { body: { username: 'dispatch.op', password } })).body.token;
}, 120_000);
afterAll(() => gw?.close());

describe('department suggestions', () => {
  it('ranks the owning department first on the detail and the queue row, with or without a place', async () => {
    const night = await file({ categoryId: 'noise', description: '楼下工地每天晚上十一点以后还在打桩施工，吵得睡不着觉。', ...at('棠景街机场路在建工地', near(900, 900)) });
    const t = await detail(night.id);
    expect(t.suggestedDepartments[0]!.department).toBe('区城市管理和综合执法局');
    expect(t.suggestedDepartments.length).toBeGreaterThan(1);
    expect(t.suggestedDepartments[0]!.score).toBeGreaterThan(t.suggestedDepartments[1]!.score);

    const gas = await file({ categoryId: 'utilities-outage', description: '小区燃气费交了但是燃气表还是显示欠费，打不着火。' });
    expect((await detail(gas.id)).suggestedDepartments[0]!.department).toBe('燃气企业');

    const page = OperatorTicketPageSchema.parse((await gw.api('GET', '/api/operator/tickets?sort=newest&limit=5', { token: op })).body);
    const row = page.items.find((i) => i.id === night.id)!;
    expect(row.suggestedDepartments[0]!.department).toBe('区城市管理和综合执法局');
  });

  it('travels with ticket.created to the hotline as a hint', async () => {
    const t = await file({ categoryId: 'noise', description: '隔壁邻居家天天半夜唱卡拉OK，敲门也不理，影响休息。' });
    const body = JSON.parse((await buildHotlineEventBody(gw.deps, { _id: 'evt-created-1', ticketId: new Types.ObjectId(t.id), type: 'ticket.created', at: new Date() } as never))!);
    expect(body.ticket.suggestedDepartments[0].department).toBe('区公安分局');
    const rated = JSON.parse((await buildHotlineEventBody(gw.deps, { _id: 'evt-rated-1', ticketId: new Types.ObjectId(t.id), type: 'ticket.rated', at: new Date() } as never))!);
    expect(rated.ticket.suggestedDepartments).toBeUndefined();
  });
});

describe('learning from the city', () => {
  it('a department the shipped examples never name is suggested after operators dispatch to it', async () => {
    const city = await startTestGateway({ DEPARTMENTS: '区城市管理和综合执法局,区住房和城乡建设局,区城市更新局' });
    try {
      await city.deps.dispatch.ready();
      const { token } = await city.login(freshPhone());
      const { password } = await addStaff(city.deps, { username: 'city.op', role: 'operator' });
      const cop = (await city.api('POST', '/api/staff/session', { body: { username: 'city.op', password } })).body.token;
      const texts = [
        '老旧小区加装电梯的补贴怎么申请，楼里邻居都同意了。',
        '我们小区想加装电梯，不知道要找哪里审批。',
        '旧楼加装电梯，一楼住户不同意怎么办？',
        '加装电梯的申请材料交了两个月没有回复。',
        '老旧小区改造什么时候轮到我们小区？',
        '小区旧改工程拖了半年还没完工，楼道全是建材。',
        '我家老楼六层没有电梯，老人上下楼太难，能不能加装电梯？',
        '加装电梯施工队把楼下绿地占了，什么时候恢复？',
        '老旧小区改造把我家窗户外面的管线改乱了。',
        '请问加装电梯政府补贴多少钱，流程是怎样的？',
        '我们楼加装电梯的公示期过了，审批怎么还没下来？',
        '老旧小区改造的外墙保温做得很差，已经开裂。',
      ];
      const ask = (description: string) =>
        city.api('POST', '/api/tickets', { token, headers: { 'idempotency-key': randomUUID() }, body: { kind: 'help', categoryId: 'real-estate', description } });
      const before = (await ask('想问一下我们这栋老楼加装电梯的流程。')).body.ticket.id;
      const top = async (id: string) => OperatorTicketDetailSchema.parse((await city.api('GET', `/api/operator/tickets/${id}`, { token: cop })).body.ticket).suggestedDepartments[0]?.department;
      expect(await top(before)).not.toBe('区城市更新局');
      for (const text of texts) {
        const id = (await ask(text)).body.ticket.id;
        expect((await city.api('POST', `/api/operator/tickets/${id}/events`, { token: cop, body: { type: 'accepted' } })).status).toBe(200);
        expect((await city.api('POST', `/api/operator/tickets/${id}/events`, { token: cop, body: { type: 'dispatched', data: { department: '区城市更新局' } } })).status).toBe(200);
      }
      await city.deps.dispatch.retrainFromHistory();
      expect(city.deps.dispatch.status).toMatchObject({ source: 'history', historyExamples: 12 });
      expect(await top(before)).toBe('区城市更新局');
    } finally {
      await city.close();
    }
  }, 180_000);
});

describe('incidents', () => {
  let lead: string;
  let second: string;
  let third: string;

  it('joins reports of one burst main at one crossroads by themselves, and not a pothole beside it or a report without a place', async () => {
    lead = (await file({ categoryId: 'utilities-outage', description: '幸福路和建设路路口的自来水管爆了，水冒出来一米多高，路面全淹了。', ...at('幸福路与建设路交叉口', near(0, 0)) })).id;
    second = (await file({ categoryId: 'utilities-outage', description: '建设路口那边水管爆裂，马路上全是水，车都过不去了，快派人来修。', ...at('建设路口', near(30, -20)) })).id;
    const other = await gw.login(freshPhone());
    third = (await file({ categoryId: 'utilities-outage', description: '幸福路路口爆水管了，水已经漫到人行道，我们这边停水了。', ...at('幸福路路口公交站', near(-25, 35)) }, other.token)).id;
    const pothole = (await file({ categoryId: 'traffic-parking', description: '幸福路口有个大坑，电动车经过很容易摔倒。', ...at('幸福路口', near(10, 10)) })).id;
    const nowhere = (await file({ categoryId: 'utilities-outage', description: '幸福路和建设路路口的自来水管爆了，水冒出来很高。' })).id;

    const l = await detail(lead);
    expect(l.incidentId).toBeTruthy();
    expect((await detail(second)).incidentId).toBe(l.incidentId);
    expect((await detail(third)).incidentId).toBe(l.incidentId);
    expect(l.incident).toMatchObject({ status: 'open', leadTicketId: lead, ticketIds: [lead, second, third] });
    expect((await detail(pothole)).incidentId).toBeNull();
    expect((await detail(nowhere)).incidentId).toBeNull();

    // The citizen sees how many reported it.
    const mine = TicketDetailSchema.parse((await gw.api('GET', `/api/tickets/${second}`, { token: citizen })).body.ticket);
    expect(mine.incidentReporters).toBe(3);
    const alone = TicketDetailSchema.parse((await gw.api('GET', `/api/tickets/${pothole}`, { token: citizen })).body.ticket);
    expect(alone.incidentReporters).toBeNull();
  });

  it('answers 404, 409 and 400 for attaching what cannot be one incident, changing nothing', async () => {
    const pothole = (await file({ categoryId: 'noise', description: '路口旁边的酒吧每天凌晨两点还在放很大声的音乐。', ...at('建设路口', near(5, 5)) })).id;
    const before = await gw.deps.models.Ticket.findById(pothole).lean();
    const attach = (id: string, body: unknown) => gw.api('POST', `/api/operator/tickets/${id}/incident`, { token: op, body });
    const incidentId = (await detail(lead)).incidentId!;
    expect((await attach(pothole, { incidentId })).body.error.code).toBe('incident_other_category');
    expect((await attach(pothole, { ticketId: lead })).status).toBe(409);
    expect((await attach(pothole, { incidentId: '0123456789abcdef01234567' })).status).toBe(404);
    expect((await attach('0123456789abcdef01234567', { incidentId })).status).toBe(404);
    expect((await attach(pothole, { incidentId, ticketId: lead })).status).toBe(400);
    expect((await attach(pothole, { incidentId: { $ne: null } })).status).toBe(400);
    expect((await gw.api('DELETE', `/api/operator/tickets/${pothole}/incident`, { token: op })).status).toBe(409);
    expect((await gw.api('POST', `/api/tickets/${pothole}/incident`, { token: citizen, body: { incidentId } })).status).toBe(404);
    expect(await gw.deps.models.Ticket.findById(pothole).lean()).toEqual(before);
  });

  it('lets an operator attach a likely match and detach a wrong one', async () => {
    const maybe = (await file({ categoryId: 'utilities-outage', description: '我家突然停水了，不知道什么时候恢复供水？', ...at('幸福路12号', near(60, 60)) })).id;
    const incidentId = (await detail(lead)).incidentId!;
    const attached = await gw.api('POST', `/api/operator/tickets/${maybe}/incident`, { token: op, body: { ticketId: second } });
    expect(attached.status).toBe(200);
    expect(OperatorTicketDetailSchema.parse(attached.body.ticket).incident!.ticketIds).toEqual([lead, second, third, maybe]);
    const detached = await gw.api('DELETE', `/api/operator/tickets/${maybe}/incident`, { token: op });
    expect(detached.status).toBe(200);
    expect(detached.body.ticket.incidentId).toBeNull();
    expect((await detail(lead)).incident!.ticketIds).toEqual([lead, second, third]);
    expect((await detail(lead)).incidentId).toBe(incidentId);
  });

  it('shows open incidents near a chosen place for 附议, and a ticket filed into one joins it', async () => {
    const q = (params: string) => gw.api('GET', `/api/incidents/nearby?${params}`, { token: citizen });
    const res = await q(`lat=${near(100, 0).lat}&lng=${near(100, 0).lng}&coordSystem=gcj02&categoryId=utilities-outage`);
    expect(res.status).toBe(200);
    const items = NearbyIncidentsResponseSchema.parse(res.body).items;
    const incidentId = (await detail(lead)).incidentId!;
    expect(items[0]).toMatchObject({ id: incidentId, reporters: 3, categoryId: 'utilities-outage' });
    expect(items[0]!.distanceMetres).toBeGreaterThan(80);
    expect(items[0]!.summary).toContain('自来水管爆了');
    expect(NearbyIncidentsResponseSchema.parse((await q(`lat=${near(100, 0).lat}&lng=${near(100, 0).lng}&coordSystem=gcj02&categoryId=noise`)).body).items).toEqual([]);
    expect(NearbyIncidentsResponseSchema.parse((await q(`lat=${near(2000, 0).lat}&lng=${near(2000, 0).lng}&coordSystem=gcj02`)).body).items).toEqual([]);
    expect((await q('lat=north&lng=1&coordSystem=gcj02')).status).toBe(400);
    expect((await q(`lat=1&lng=1`)).status).toBe(400);
    expect((await gw.api('GET', `/api/incidents/nearby?lat=1&lng=1&coordSystem=gcj02`)).status).toBe(401);

    const seconded = await file({ categoryId: 'utilities-outage', description: '我也看到了，路口一直在冒水，请尽快处理。', incidentId, ...at('幸福路口', near(100, 0)) });
    expect((await detail(seconded.id)).incidentId).toBe(incidentId);
    const wrongKind = await gw.api('POST', '/api/tickets', {
      token: citizen,
      headers: { 'idempotency-key': randomUUID() },
      body: { kind: 'complaint', categoryId: 'noise', description: '路口施工噪音很大，晚上也在施工。', incidentId },
    });
    expect(wrongKind.status).toBe(409);
    expect(wrongKind.body.error.code).toBe('incident_other_category');
    const unknown = await gw.api('POST', '/api/tickets', {
      token: citizen,
      headers: { 'idempotency-key': randomUUID() },
      body: { kind: 'complaint', categoryId: 'utilities-outage', description: '路口一直在冒水，请尽快处理。', incidentId: '0123456789abcdef01234567' },
    });
    expect(unknown.status).toBe(404);
    await gw.api('DELETE', `/api/operator/tickets/${seconded.id}/incident`, { token: op });
  });

  it('carries every ticket along when the lead is replied to and closed, each with its own entry and notification', async () => {
    for (const body of [{ type: 'accepted' }, { type: 'dispatched', data: { department: '供水企业' } }, { type: 'replied', data: { reply: '抢修队已到场关阀抢修，预计今晚十点恢复供水。' } }]) {
      expect((await act(lead, body)).status).toBe(200);
    }
    for (const id of [second, third]) {
      const t = await detail(id);
      expect(t.status).toBe('replied');
      expect(t.ownerDepartment).toBe('供水企业');
      expect(t.timeline.map((e) => e.status)).toEqual(['submitted', 'accepted', 'dispatched', 'replied']);
      expect(t.timeline.at(-1)!.reply).toContain('抢修队已到场');
    }
    const notes = await gw.deps.models.Notification.find({ ticketId: new Types.ObjectId(third) }).lean();
    expect(notes.length).toBeGreaterThanOrEqual(1);

    expect((await act(lead, { type: 'closed' })).status).toBe(200);
    for (const id of [second, third]) expect((await detail(id)).status).toBe('closed');
    expect((await detail(lead)).incident!.status).toBe('closed');
    // A closed incident takes no one.
    const late = (await file({ categoryId: 'utilities-outage', description: '幸福路口又在冒水了，是不是没修好？', ...at('幸福路口', near(3, 3)) })).id;
    const attach = await gw.api('POST', `/api/operator/tickets/${late}/incident`, { token: op, body: { incidentId: (await detail(lead)).incidentId } });
    expect(attach.body.error.code).toBe('incident_closed');
  });
});

describe('GET /api/operator/hotspots', () => {
  it('clusters the period’s tickets by category and place, biggest first, with the trend', async () => {
    const res = await gw.api('GET', '/api/operator/hotspots?days=7', { token: op });
    expect(res.status).toBe(200);
    const { items, days } = HotspotsResponseSchema.parse(res.body);
    expect(days).toBe(7);
    const water = items.find((h) => h.categoryId === 'utilities-outage' && h.street === '棠景街道')!;
    expect(water.count).toBeGreaterThanOrEqual(5);
    expect(water.trend).toBe(water.count - water.previousCount);
    expect(Math.abs(water.center.lat - CROSSING.lat)).toBeLessThan(0.002);
    expect(items[0]!.count).toBeGreaterThanOrEqual(items.at(-1)!.count);
    expect((await gw.api('GET', '/api/operator/hotspots?days=0', { token: op })).status).toBe(400);
    expect((await gw.api('GET', '/api/operator/hotspots?days=7', { token: citizen })).status).toBe(401);
  });
});
