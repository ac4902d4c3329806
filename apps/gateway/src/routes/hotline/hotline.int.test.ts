// Webhook mode end to end on the real services: signed outgoing events through the outbox, and
// signed status events in — forged, stale, replayed, illegal and unknown ones included.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueWorker } from '../../lib/queue.js';
import { deliverHotlineEvent } from '../../hotline/webhook.js';
import { freshPhone, startTestGateway, type TestGateway } from '../../../../../tests/support/gateway.js';
import { sendHotlineEvent, startHotlineStandin, type HotlineStandin } from '../../../../../tests/standins/hotline.js';
import { until } from '../../../../../tests/support/wait.js';
import { makeJpeg, postToStorage } from '../../../../../tests/support/media.js';

const SECRET = 'test-hotline-secret-0123456789';
let gw: TestGateway;
let hotline: HotlineStandin;
let token: string;

const complaint = {
  kind: 'complaint',
  categoryId: 'noise',
  description: '楼下烧烤店每天凌晨两点还在营业，噪音和油烟很大。',
  location: { address: '白云区同和街蟾蜍石东路', lat: 23.2016, lng: 113.3267, coordSystem: 'wgs84' },
};

async function fileTicket() {
  const res = await gw.api('POST', '/api/tickets', { token, body: complaint, headers: { 'idempotency-key': randomUUID() } });
  expect(res.status).toBe(201);
  return res.body.ticket as { id: string; number: string };
}

const event = (ticketId: string, type: string, data: Record<string, unknown> = {}, eventId = `hl-${randomUUID()}`) => ({
  eventId,
  ticketId,
  type,
  at: new Date().toISOString(),
  data,
});

beforeAll(async () => {
  hotline = await startHotlineStandin(SECRET);
  gw = await startTestGateway(
    {
      HOTLINE_MODE: 'webhook',
      HOTLINE_WEBHOOK_URL: hotline.url,
      HOTLINE_WEBHOOK_SECRET: SECRET,
      OUTBOX_BASE_DELAY_MS: '50',
      OUTBOX_MAX_DELAY_MS: '200',
      OUTBOX_POLL_MS: '50',
      OUTBOX_MAX_ATTEMPTS: '3',
    },
    { background: true },
  );
  token = (await gw.login(freshPhone())).token;
});
afterAll(async () => {
  await gw?.close();
  await hotline?.close();
});

describe('outgoing webhooks', () => {
  it('delivers ticket.created, signed, with the ticket', async () => {
    const ticket = await fileTicket();
    const received = await until('ticket.created', async () => [...hotline.events.values()].find((e) => e.ticket.id === ticket.id));
    expect(received.type).toBe('ticket.created');
    expect(received.eventId).toMatch(/^evt_/);
    expect(received.ticket).toMatchObject({ number: ticket.number, status: 'submitted', description: complaint.description, categoryId: 'noise' });
    expect(received.ticket.contactPhone).toMatch(/^1\d{10}$/);
    expect(hotline.badSignatures).toBe(0);
    // The stand-in answers before the worker records the delivery, so wait for the record.
    await until('outbox item marked delivered', async () => (await gw.deps.models.Outbox.findById(received.eventId).lean())?.status === 'delivered');
    // The event left the ticket document once it was queued (the relay pulls it after the outbox insert).
    await until('pendingEvents emptied', async () => (await gw.deps.models.Ticket.findById(ticket.id).lean())?.pendingEvents?.length === 0);
  });

  it('forwards withdrawals and ratings', async () => {
    const ticket = await fileTicket();
    expect((await gw.api('POST', `/api/tickets/${ticket.id}/withdraw`, { token, body: { reason: '问题已自行解决' } })).status).toBe(200);
    const withdrawn = await until('ticket.withdrawn', async () => [...hotline.events.values()].find((e) => e.ticket.id === ticket.id && e.type === 'ticket.withdrawn'));
    expect(withdrawn.data).toEqual({ reason: '问题已自行解决' });
    expect(withdrawn.ticket.status).toBe('withdrawn');

    const rated = await fileTicket();
    for (const [type, data] of [['accepted', {}], ['replied', { reply: '已处理' }], ['callback', {}]] as const) {
      expect((await sendHotlineEvent(gw.url, SECRET, event(rated.id, type, data))).status).toBe(200);
    }
    expect((await gw.api('POST', `/api/tickets/${rated.id}/rating`, { token, body: { satisfaction: 'dissatisfied', resolved: false, comment: '还是很吵' } })).status).toBe(200);
    const ratedEvent = await until('ticket.rated', async () => [...hotline.events.values()].find((e) => e.ticket.id === rated.id && e.type === 'ticket.rated'));
    expect(ratedEvent.data).toMatchObject({ rating: { satisfaction: 'dissatisfied', resolved: false, comment: '还是很吵', round: 1 } });

    // 申请重办 reaches the hotline as its own event.
    expect((await gw.api('POST', `/api/tickets/${rated.id}/reopen-request`, { token, body: { reason: '夜里依旧施工，问题没有解决' } })).status).toBe(200);
    const reopenEvent = await until('ticket.reopen_requested', async () => [...hotline.events.values()].find((e) => e.ticket.id === rated.id && e.type === 'ticket.reopen_requested'));
    expect(reopenEvent.data).toEqual({ reason: '夜里依旧施工，问题没有解决', round: 1 });
  });

  it('sends media links that live at most an hour', async () => {
    const jpeg = await makeJpeg(64, 64);
    const up = await gw.api('POST', '/api/uploads', { token, body: { kind: 'image', contentType: 'image/jpeg', size: jpeg.length } });
    expect((await postToStorage(up.body, jpeg, 'image/jpeg')).status).toBe(204);
    const res = await gw.api('POST', '/api/tickets', { token, body: { ...complaint, media: [up.body.uploadId] }, headers: { 'idempotency-key': randomUUID() } });
    expect(res.status).toBe(201);
    const created = await until('ticket.created with media', async () => [...hotline.events.values()].find((e) => e.ticket.id === res.body.ticket.id && e.type === 'ticket.created'));
    const media = created.ticket.media as Array<{ url: string; urlExpiresAt: string }>;
    const url = new URL(media[0]!.url);
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(3600);
    expect(new Date(media[0]!.urlExpiresAt).getTime() - Date.now()).toBeLessThanOrEqual(3600_000);
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(jpeg)).toBe(true);
  });

  it('forwards 催办 on an overdue ticket, with coordinates that say they are GCJ-02', async () => {
    const ticket = await fileTicket();
    await gw.deps.models.Ticket.updateOne({ _id: ticket.id }, { $set: { dueAt: new Date(Date.now() - 60_000) } });
    expect((await gw.api('POST', `/api/tickets/${ticket.id}/urge`, { token, body: {} })).status).toBe(200);
    const urged = await until('ticket.urged', async () => [...hotline.events.values()].find((e) => e.ticket.id === ticket.id && e.type === 'ticket.urged'));
    expect(urged.data).toEqual({ urgeCount: 1 });
    const created = [...hotline.events.values()].find((e) => e.ticket.id === ticket.id && e.type === 'ticket.created');
    expect(created?.ticket.location).toMatchObject({ coordSystem: 'gcj02', lat: expect.any(Number), lng: expect.any(Number) });
  });

  it('retries with the same eventId and parks the event as failed after the last attempt; staff can retry it', async () => {
    hotline.failRate = 1;
    const ticket = await fileTicket();
    const parked = await until('parked event', async () => gw.deps.models.Outbox.findOne({ ticketId: ticket.id, status: 'failed' }).lean());
    expect(parked.attempts).toBe(3);
    expect(parked.lastError).toBe('HTTP 503');
    expect([...hotline.events.values()].some((e) => e.ticket.id === ticket.id)).toBe(false);

    // Visible to admins (推送失败), and retried on demand; an operator may not.
    await gw.deps.models.Staff.deleteMany({});
    const { addStaff } = await import('../../commands/staff-accounts.js');
    const { password } = await addStaff(gw.deps, { username: 'chief1', role: 'admin', name: '王值班长' });
    const staffToken = (await gw.api('POST', '/api/staff/session', { body: { username: 'chief1', password } })).body.token;
    const op = await addStaff(gw.deps, { username: 'ops1', role: 'operator', name: '王话务' });
    const opToken = (await gw.api('POST', '/api/staff/session', { body: { username: 'ops1', password: op.password } })).body.token;
    expect((await gw.api('GET', '/api/operator/outbox?status=failed', { token: opToken })).status).toBe(403);
    expect((await gw.api('POST', `/api/operator/outbox/${parked._id}/retry`, { token: opToken })).status).toBe(403);
    const failedList = await gw.api('GET', '/api/operator/outbox?status=failed', { token: staffToken });
    expect(failedList.body.items.map((i: { eventId: string }) => i.eventId)).toContain(parked._id);
    hotline.failRate = 0;
    expect((await gw.api('POST', `/api/operator/outbox/${parked._id}/retry`, { token: staffToken })).status).toBe(200);
    const delivered = await until('redelivery', async () => hotline.events.get(parked._id));
    expect(delivered.ticket.id).toBe(ticket.id);
    expect((await gw.api('POST', `/api/operator/outbox/${parked._id}/retry`, { token: staffToken })).status).toBe(404);
    // The retry is in the audit log (once: the second, refused one is not).
    const retries = await gw.deps.models.AuditEntry.find({ action: 'outbox.retry' }).lean();
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ username: 'chief1', role: 'admin', target: parked._id, ticketNumber: ticket.number, details: { type: 'ticket.created' } });
  });

  it('lets only one worker hold an event; an expired lease is taken over with the same eventId', async () => {
    // Two workers in this process stand for two gateway processes (no background loops involved).
    await gw.background!.stop();
    const ticket = await fileTicket();
    await gw.deps.relay.relayTicket(ticket.id);
    const policy = { ...gw.deps.config.outbox, leaseMs: 300 };
    const a = new QueueWorker('hotline', gw.deps.models.Outbox, policy, (i) => deliverHotlineEvent(gw.deps, i), gw.deps.logger);
    const b = new QueueWorker('hotline', gw.deps.models.Outbox, policy, (i) => deliverHotlineEvent(gw.deps, i), gw.deps.logger);
    const claimed = await a.claim();
    expect(claimed?.ticketId.toString()).toBe(ticket.id);
    expect(await b.claim()).toBeNull(); // held by a
    await new Promise((r) => setTimeout(r, 350)); // a "dies": its lease runs out
    const taken = await b.claim();
    expect(taken?._id).toBe(claimed!._id);
    await b.process(taken!);
    // The dead worker's late result is not recorded over b's.
    await a.process(claimed!);
    const item = await gw.deps.models.Outbox.findById(claimed!._id).lean();
    expect(item?.status).toBe('delivered');
    expect(item?.leaseOwner).toBeNull();
    expect(hotline.events.get(claimed!._id)?.ticket.id).toBe(ticket.id);
  });
});

describe('incoming status events', () => {
  it('applies a signed event once and acknowledges a repeat as a duplicate', async () => {
    const ticket = await fileTicket();
    const accepted = event(ticket.id, 'accepted', { hotlineNumber: `GZ-${Date.now()}` });
    const first = await sendHotlineEvent(gw.url, SECRET, accepted);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ok: true, duplicate: false, ticket: { status: 'accepted' } });
    const again = await sendHotlineEvent(gw.url, SECRET, accepted);
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    const stored = await gw.deps.models.Ticket.findById(ticket.id).lean();
    expect(stored?.timeline.filter((t) => t.status === 'accepted')).toHaveLength(1);
    expect(stored?.hotlineRef).toBe(accepted.data.hotlineNumber);

    // Later events may name the ticket by the hotline's own number.
    const byRef = await sendHotlineEvent(gw.url, SECRET, { eventId: `hl-${randomUUID()}`, hotlineRef: accepted.data.hotlineNumber, type: 'dispatched', at: new Date().toISOString(), data: { department: '区城市管理和综合执法局' } });
    expect(byRef.status).toBe(200);
    const detail = await gw.api('GET', `/api/tickets/${ticket.id}`, { token });
    expect(detail.body.ticket.timeline.at(-1)).toMatchObject({ status: 'dispatched', department: '区城市管理和综合执法局', actor: { type: 'hotline' } });
  });

  it('refuses forged, unsigned and stale events with 401 and changes nothing', async () => {
    const ticket = await fileTicket();
    const e = event(ticket.id, 'accepted');
    const forged = await sendHotlineEvent(gw.url, 'another-secret-0123456789', e);
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('invalid_signature');
    // A body changed after signing: the signature was made over the original body.
    const ts = Math.floor(Date.now() / 1000);
    const { createHmac } = await import('node:crypto');
    const sig = 'sha256=' + createHmac('sha256', SECRET).update(`hotline-to-minhu.${ts}.${JSON.stringify(e)}`).digest('hex');
    // Signed right, for this body: accepted only once the body is the one signed (checked below), not tampered.
    const tampered = await sendHotlineEvent(gw.url, SECRET, e, { timestamp: ts, signature: sig, raw: JSON.stringify({ ...e, type: 'rejected', data: { reason: 'x' } }) });
    expect(tampered.status).toBe(401);
    // Minhu's own outgoing webhook (direction minhu-to-hotline) replayed at Minhu as a status event.
    const outgoing = 'sha256=' + createHmac('sha256', SECRET).update(`minhu-to-hotline.${ts}.${JSON.stringify(e)}`).digest('hex');
    const replayed = await sendHotlineEvent(gw.url, SECRET, e, { timestamp: ts, signature: outgoing });
    expect(replayed.status).toBe(401);
    // The protocol before the direction label (timestamp + body only) no longer passes either.
    const unlabelled = 'sha256=' + createHmac('sha256', SECRET).update(`${ts}.${JSON.stringify(e)}`).digest('hex');
    expect((await sendHotlineEvent(gw.url, SECRET, e, { timestamp: ts, signature: unlabelled })).status).toBe(401);
    const stale = await sendHotlineEvent(gw.url, SECRET, e, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(stale.status).toBe(401);
    const future = await sendHotlineEvent(gw.url, SECRET, e, { timestamp: Math.floor(Date.now() / 1000) + 301 });
    expect(future.status).toBe(401);
    const res = await fetch(`${gw.url}/api/hotline/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(e) });
    expect(res.status).toBe(401);
    expect((await gw.deps.models.Ticket.findById(ticket.id).lean())?.status).toBe('submitted');
  });

  it('answers 409 to a transition the state machine forbids, 404 to an unknown ticket, 400 to a bad body', async () => {
    const ticket = await fileTicket();
    const illegal = await sendHotlineEvent(gw.url, SECRET, event(ticket.id, 'closed'));
    expect(illegal.status).toBe(409);
    expect(illegal.body.error).toMatchObject({ code: 'illegal_transition', details: { from: 'submitted', to: 'closed' } });
    expect((await sendHotlineEvent(gw.url, SECRET, event('0123456789abcdef01234567', 'accepted'))).status).toBe(404);
    expect((await sendHotlineEvent(gw.url, SECRET, event(ticket.id, 'teleported'))).status).toBe(400);
    expect((await sendHotlineEvent(gw.url, SECRET, { ...event(ticket.id, 'accepted'), extra: 1 })).status).toBe(400);
    expect((await sendHotlineEvent(gw.url, SECRET, event(ticket.id, 'accepted', { department: { $gt: '' } }))).status).toBe(400);
    expect((await sendHotlineEvent(gw.url, SECRET, {}, { raw: '{"eventId":' })).status).toBe(400);
    // dispatched without a department, rejected without a reason
    await sendHotlineEvent(gw.url, SECRET, event(ticket.id, 'accepted'));
    expect((await sendHotlineEvent(gw.url, SECRET, event(ticket.id, 'dispatched'))).status).toBe(400);
    expect((await gw.deps.models.Ticket.findById(ticket.id).lean())?.status).toBe('accepted');
  });

  it('keeps the first department responsible after a reopening (首接负责制)', async () => {
    const ticket = await fileTicket();
    for (const [type, data] of [
      ['accepted', {}],
      ['dispatched', { department: '区生态环境分局' }],
      ['replied', { reply: '已责令店主整改' }],
      ['reopened', { reason: '整改后仍然扰民' }],
    ] as const) {
      expect((await sendHotlineEvent(gw.url, SECRET, event(ticket.id, type, data))).status).toBe(200);
    }
    const bounced = await sendHotlineEvent(gw.url, SECRET, event(ticket.id, 'dispatched', { department: '区市场监督管理局' }));
    expect(bounced.status).toBe(409);
    expect(bounced.body.error.code).toBe('first_responsible');
    expect((await sendHotlineEvent(gw.url, SECRET, event(ticket.id, 'dispatched', { department: '区生态环境分局' }))).status).toBe(200);
  });
});
