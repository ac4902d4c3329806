// The relay against the real database: kicks that arrive together are written as one insert and one update,
// every event reaches its queue exactly once and leaves its ticket, and the periodic scan picks up what no
// kick relayed (a process that died between the ticket write and its kick).
import { randomBytes } from 'node:crypto';
import mongoose, { Types } from 'mongoose';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createModels, type Models } from '../models/index.js';
import type { PendingEventEntry } from './pending-events.js';
import { EventRelay } from './relay.js';

let conn: mongoose.Connection;
let models: Models;
/** Commands seen on the wire, as "name collection". */
const seen: string[] = [];

beforeAll(async () => {
  conn = mongoose.createConnection(inject('mongoUri'), { dbName: `minhu_relay_${randomBytes(4).toString('hex')}`, monitorCommands: true });
  await conn.asPromise();
  conn.getClient().on('commandStarted', (e) => seen.push(`${e.commandName} ${String(e.command[e.commandName])}`));
  models = createModels(conn);
});

afterAll(async () => {
  await conn?.dropDatabase().catch(() => undefined);
  await conn?.close();
});

const event = (queue: PendingEventEntry['queue']): PendingEventEntry => ({
  eventId: `${queue === 'hotline' ? 'evt' : 'ntf'}_${randomBytes(8).toString('hex')}`,
  queue,
  type: queue === 'hotline' ? 'ticket.created' : 'status.submitted',
  at: new Date(),
  data: {},
});

/** A ticket document holding these pending events (only the fields the relay reads). */
async function ticketWith(events: PendingEventEntry[]): Promise<Types.ObjectId> {
  const _id = new Types.ObjectId();
  await models.Ticket.collection.insertOne({ _id, pendingEvents: events } as never);
  return _id;
}

describe('EventRelay', () => {
  it('writes kicks that arrive together as one insert per queue and one update of the tickets', async () => {
    const relay = new EventRelay(models, pino({ level: 'silent' }));
    const queued: string[] = [];
    relay.onQueued((q) => queued.push(q));
    const tickets = await Promise.all(Array.from({ length: 25 }, async () => {
      const events = [event('hotline'), event('notify')];
      return { id: await ticketWith(events), events };
    }));
    seen.length = 0;
    for (const t of tickets) relay.kick(t.id, t.events);
    const all = tickets.flatMap((t) => t.events.map((e) => e.eventId));
    for (let i = 0; i < 100 && (await models.Ticket.countDocuments({ 'pendingEvents.eventId': { $gt: '' } })) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await models.Outbox.countDocuments({ _id: { $in: all } })).toBe(25);
    expect(await models.Notification.countDocuments({ _id: { $in: all } })).toBe(25);
    expect(seen.filter((c) => c === 'insert outbox')).toHaveLength(1);
    expect(seen.filter((c) => c === 'insert notifications')).toHaveLength(1);
    expect(seen.filter((c) => c === 'update tickets')).toHaveLength(1);
    expect(new Set(queued)).toEqual(new Set(['hotline', 'notify']));
    const item = await models.Outbox.findById(tickets[0]!.events[0]!.eventId).lean();
    expect(item).toMatchObject({ status: 'pending', attempts: 0, type: 'ticket.created' });
    expect(item?.ticketId.toString()).toBe(tickets[0]!.id.toString());
  });

  it('relays once however often a ticket is relayed, and the scan finds tickets no kick reached', async () => {
    const relay = new EventRelay(models, pino({ level: 'silent' }));
    const events = [event('hotline')];
    const id = await ticketWith(events);
    const forgotten = await ticketWith([event('hotline'), event('notify')]); // its process died before the kick
    await Promise.all([relay.relayTicket(id, events), relay.relayTicket(id, events), relay.relayTicket(id)]);
    expect(await models.Outbox.countDocuments({ ticketId: id })).toBe(1);
    expect(await relay.relayAll()).toBe(2);
    expect(await models.Outbox.countDocuments({ ticketId: forgotten })).toBe(1);
    expect(await models.Notification.countDocuments({ ticketId: forgotten })).toBe(1);
    expect(await models.Ticket.countDocuments({ 'pendingEvents.eventId': { $gt: '' } })).toBe(0);
    expect(await relay.relayAll()).toBe(0);
  });
});
