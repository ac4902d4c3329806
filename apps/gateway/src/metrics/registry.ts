// The gateway's Prometheus metrics (prom-client), one Registry per Deps (tests build several in one process).
// In a cluster every worker keeps its own and the primary sums them (AggregatorRegistry); gauges that every
// worker reads from the shared database take the maximum instead, or N workers would report N× the queue.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Models } from '../models/index.js';

export interface GatewayMetrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  chatAnswers: Counter<'intent'>;
  deliveries: Counter<'queue' | 'result'>;
  engineRebuild: Histogram<'retrained'>;
}

/** The queue collections, by the name their worker reports. */
const QUEUES = { hotline: 'Outbox', notify: 'Notification' } as const;

export function createMetrics(models: Models): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'minhu_' });
  const httpDuration = new Histogram({
    name: 'minhu_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const chatAnswers = new Counter({ name: 'minhu_chat_answers_total', help: 'Chat answers by intent', labelNames: ['intent'] as const, registers: [registry] });
  const deliveries = new Counter({
    name: 'minhu_queue_attempts_total',
    help: 'Delivery attempts by queue and result (delivered, retry, failed = parked, skipped)',
    labelNames: ['queue', 'result'] as const,
    registers: [registry],
  });
  const engineRebuild = new Histogram({
    name: 'minhu_chat_engine_rebuild_seconds',
    help: 'Chat engine rebuilds after a knowledge-base change (worker thread, until swapped in)',
    labelNames: ['retrained'] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64],
    registers: [registry],
  });
  // Read from the database at scrape time, once for the three gauges (each gauge's collect awaits the same read).
  let reading: Promise<void> | null = null;
  const collect = () => (reading ??= readQueues().finally(() => (reading = null)));
  const depth = new Gauge({ name: 'minhu_queue_depth', help: 'Items waiting for delivery (pending), per queue', labelNames: ['queue'] as const, aggregator: 'max', registers: [registry], collect });
  const oldest = new Gauge({
    name: 'minhu_queue_oldest_age_seconds',
    help: 'How long the longest-waiting due item of a queue has waited since it became due (0 when none is due)',
    labelNames: ['queue'] as const,
    aggregator: 'max',
    registers: [registry],
    collect,
  });
  const failed = new Gauge({ name: 'minhu_queue_failed', help: 'Items parked as failed, per queue', labelNames: ['queue'] as const, aggregator: 'max', registers: [registry], collect });
  async function readQueues(): Promise<void> {
    const now = Date.now();
    for (const [queue, model] of Object.entries(QUEUES)) {
      const m = models[model];
      // Both use the {status, nextAttemptAt} index.
      const [pending, parked, first] = await Promise.all([
        m.countDocuments({ status: 'pending' }),
        m.countDocuments({ status: 'failed' }),
        m.findOne({ status: 'pending', nextAttemptAt: { $lte: new Date(now) } }, { nextAttemptAt: 1 }).sort({ nextAttemptAt: 1 }).lean<{ nextAttemptAt?: Date }>(),
      ]);
      depth.set({ queue }, pending);
      failed.set({ queue }, parked);
      oldest.set({ queue }, first?.nextAttemptAt ? Math.max(0, (now - new Date(first.nextAttemptAt).getTime()) / 1000) : 0);
    }
  }
  return { registry, httpDuration, chatAnswers, deliveries, engineRebuild };
}
