// A local stand-in for a city's 12345 ticket system in webhook mode. It receives Minhu's signed
// webhooks (verifying the HMAC like a real receiver), dedupes by eventId, can fail a share of
// requests or be down entirely, and sends signed status events back to Minhu.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedEvent {
  eventId: string;
  type: string;
  at: string;
  ticket: { id: string; number: string; status: string; [k: string]: unknown };
  data?: Record<string, unknown>;
}

export interface HotlineStandin {
  url: string;
  /** First copy of each event, by eventId. */
  events: Map<string, ReceivedEvent>;
  /** Every accepted delivery, duplicates included. */
  deliveries: number;
  /** Requests answered with a failure on purpose, and requests refused for a bad signature. */
  failed: number;
  badSignatures: number;
  /** Share of requests (0–1) to fail with HTTP 503. */
  failRate: number;
  /** When true, connections are dropped at once (the system is down). */
  down: boolean;
  /** Milliseconds the system takes before answering an accepted delivery (slow receiver: deliveries stay in flight). */
  delayMs: number;
  close(): Promise<void>;
}

/** The protocol's signature: HMAC-SHA256 over "<direction>.<timestamp>.<raw body>". */
function sign(secret: string, direction: 'minhu-to-hotline' | 'hotline-to-minhu', timestamp: string | number, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${direction}.${timestamp}.${body}`).digest('hex');
}

export async function startHotlineStandin(secret: string, opts: { random?: () => number } = {}): Promise<HotlineStandin> {
  const random = opts.random ?? Math.random;
  const sockets = new Set<Socket>();
  const state = { events: new Map<string, ReceivedEvent>(), deliveries: 0, failed: 0, badSignatures: 0, failRate: 0, down: false, delayMs: 0 };
  const server: Server = createServer(async (req, res) => {
    if (state.down) {
      req.socket.destroy();
      return;
    }
    let body = '';
    for await (const chunk of req) body += chunk;
    const ts = String(req.headers['x-minhu-timestamp'] ?? '');
    const given = Buffer.from(String(req.headers['x-minhu-signature'] ?? ''));
    const expected = Buffer.from(sign(secret, 'minhu-to-hotline', ts, body));
    if (given.length !== expected.length || !timingSafeEqual(given, expected) || Math.abs(Date.now() / 1000 - Number(ts)) > 300) {
      state.badSignatures++;
      res.writeHead(401).end();
      return;
    }
    if (random() < state.failRate) {
      state.failed++;
      res.writeHead(503).end('busy');
      return;
    }
    const event = JSON.parse(body) as ReceivedEvent;
    if (req.headers['x-minhu-event-id'] !== event.eventId) {
      res.writeHead(400).end('event id header mismatch');
      return;
    }
    if (state.delayMs > 0) await new Promise((r) => setTimeout(r, state.delayMs));
    state.deliveries++;
    if (!state.events.has(event.eventId)) state.events.set(event.eventId, event);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/minhu/events`;
  return Object.assign(state, {
    url,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  }) as HotlineStandin;
}

/** Sends a status event to Minhu the way the hotline system does, signed with the shared secret. */
export async function sendHotlineEvent(
  gatewayUrl: string,
  secret: string,
  event: Record<string, unknown>,
  opts: { timestamp?: number; signature?: string; raw?: string } = {},
): Promise<{ status: number; body: any }> {
  const body = opts.raw ?? JSON.stringify(event);
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(`${gatewayUrl}/api/hotline/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-minhu-timestamp': String(timestamp),
      'x-minhu-signature': opts.signature ?? sign(secret, 'hotline-to-minhu', timestamp, body),
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
