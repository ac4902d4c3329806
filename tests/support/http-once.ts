// One HTTP request on its own connection (no keep-alive), so a cluster's primary hands each to the next worker.
// It gives up after `timeoutMs`: a request the cluster's primary accepted and never handed to a worker (seen once
// in CI, 2026-12-04: 75 bytes left unread in the primary's socket) fails the test at once instead of hanging it.
import { request } from 'node:http';

export function getOnce(url: string, headers: Record<string, string> = {}, timeoutMs = 20_000): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { connection: 'close', ...headers }, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}
