// The console's ticket index on the real database: it starts by reading every ticket, saves a copy,
// and a later process starts from that copy plus what changed after it; a write whose `updatedAt` was
// taken shortly before the last look (a write in flight) is still seen.
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff } from '../commands/staff-accounts.js';
import { freshPhone, startTestGateway, type TestGateway } from '../../../../tests/support/gateway.js';
import { TicketIndex } from './ticket-index.js';

let gw: TestGateway;
let citizen: string;
let op: string;
const silent = pino({ level: 'silent' });

async function file(description = '路口的井盖松动了，车辆经过时响声很大，存在安全隐患。') {
  const res = await gw.api('POST', '/api/tickets', { token: citizen, headers: { 'idempotency-key': randomUUID() }, body: { kind: 'report', description } });
  expect(res.status).toBe(201);
  return res.body.ticket.id as string;
}

beforeAll(async () => {
  gw = await startTestGateway();
  citizen = (await gw.login(freshPhone())).token;
  const { password } = await addStaff(gw.deps, { username: 'ix.op', role: 'operator' });
  op = (await gw.api('POST', '/api/staff/session', { body: { username: 'ix.op', password } })).body.token;
});
afterAll(() => gw?.close());

describe('TicketIndex', () => {
  it('starts a later process from the saved copy plus the changes made after it', async () => {
    const a = await file();
    const b = await file();
    const first = new TicketIndex(gw.deps.models, silent, { snapshotMinTickets: 1 });
    expect((await first.current()).size).toBe(2);
    expect(first.loadedFrom).toBe('tickets');
    expect(await first.saveIfChanged()).toBe(true); // the copy the first load queued, or this one
    expect(await first.saveIfChanged()).toBe(false); // nothing changed since
    const head = await gw.deps.models.TicketIndexSnapshot.findById('head').lean();
    expect(head).toMatchObject({ count: 2, chunks: 1 });

    // After the copy: one ticket moves on, another is filed.
    expect((await gw.api('POST', `/api/operator/tickets/${a}/events`, { token: op, body: { type: 'accepted' } })).status).toBe(200);
    const c = await file('小区电梯经常停运，老人上下楼很困难，希望尽快维修。');

    const later = new TicketIndex(gw.deps.models, silent, { snapshotMinTickets: 1 });
    const facts = await later.current();
    expect(later.loadedFrom).toBe('snapshot');
    expect([...facts.keys()].sort()).toEqual([a, b, c].sort());
    expect(facts.get(a)?.status).toBe('accepted');
    expect(facts.get(c)?.text).toContain('电梯');
    // Copies in an older fact format are ignored.
    await gw.deps.models.TicketIndexSnapshot.updateOne({ _id: 'head' }, { $set: { format: 0 } });
    const fresh = new TicketIndex(gw.deps.models, silent);
    expect((await fresh.current()).size).toBe(3);
    expect(fresh.loadedFrom).toBe('tickets');
  });

  it('sees a write stamped shortly before its last look, and one stamped in the future', async () => {
    const index = new TicketIndex(gw.deps.models, silent, { marginMs: 60_000 });
    const id = await file();
    await index.current();
    // A write that took its time: stamped 30 s ago, committed only now.
    await gw.deps.models.Ticket.collection.updateOne({ _id: new Types.ObjectId(id) }, { $set: { needsReview: true, updatedAt: new Date(Date.now() - 30_000) } });
    expect((await index.current()).get(id)?.needsReview).toBe(true);
    // A process whose clock runs ahead: seen at once, and the index keeps following the rest.
    const other = await file();
    await gw.deps.models.Ticket.collection.updateOne({ _id: new Types.ObjectId(other) }, { $set: { urgent: true, updatedAt: new Date(Date.now() + 3600_000) } });
    expect((await index.current()).get(other)?.urgent).toBe(true);
    await gw.deps.models.Ticket.collection.updateOne({ _id: new Types.ObjectId(id) }, { $set: { needsReview: false, updatedAt: new Date() } });
    expect((await index.current()).get(id)?.needsReview).toBe(false);
  });
});
