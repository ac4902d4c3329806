// WEB_CONCURRENCY > 1: the primary process forks that many gateway workers with node:cluster. They share one
// port (the primary accepts and hands connections round-robin), one database and one storage; background work is
// lease-based, so it needs no leader. The primary replaces a worker that dies, restarts them one by one on
// SIGHUP (a new one listens before an old one drains: no request is refused), stops them all on SIGTERM/SIGINT,
// and collects /metrics from every worker (prom-client's AggregatorRegistry).
import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import { isMetricsRequest, type MetricsReply } from '../metrics/cluster-messages.js';

export interface ClusterOptions {
  workers: number;
  /** Environment for every worker (where the database and storage are). */
  env: Record<string, string>;
  say(line: string): void;
}

export interface RunningCluster {
  /** Restarts every worker, one at a time. */
  rollingRestart(): Promise<void>;
  /** Stops every worker gracefully. */
  stop(): Promise<void>;
}

const exited = (worker: Worker) =>
  new Promise<void>((resolve) => (worker.isDead() ? resolve() : worker.once('exit', () => resolve())));
const listening = (worker: Worker) =>
  new Promise<void>((resolve, reject) => {
    worker.once('listening', () => resolve());
    worker.once('exit', (code) => reject(new Error(`worker ${worker.process.pid} exited with code ${code} before listening`)));
  });

export async function startCluster(opts: ClusterOptions): Promise<RunningCluster> {
  const aggregator = new AggregatorRegistry();
  let stopping = false;
  const replacing = new Set<Worker>();

  const fork = (): Worker => {
    const worker = cluster.fork(opts.env);
    worker.on('message', (msg: unknown) => {
      if (!isMetricsRequest(msg)) return;
      aggregator
        .clusterMetrics()
        .then((text): MetricsReply => ({ type: 'minhu:metrics-reply', id: msg.id, text, contentType: aggregator.contentType }))
        .catch((err: Error): MetricsReply => ({ type: 'minhu:metrics-reply', id: msg.id, error: err.message }))
        .then((reply) => worker.isConnected() && worker.send(reply));
    });
    worker.on('exit', (code, signal) => {
      if (stopping || replacing.has(worker)) return;
      opts.say(`worker ${worker.process.pid} died (${signal ?? code}); starting another`);
      setTimeout(() => !stopping && fork(), 1000).unref();
    });
    return worker;
  };

  const first = Array.from({ length: opts.workers }, fork);
  await Promise.all(first.map(listening));
  opts.say(`${opts.workers} gateway workers listening (pids ${first.map((w) => w.process.pid).join(', ')})`);

  const drain = async (worker: Worker) => {
    replacing.add(worker);
    worker.process.kill('SIGTERM');
    await exited(worker);
    replacing.delete(worker);
  };

  return {
    async rollingRestart() {
      for (const old of Object.values(cluster.workers ?? {})) {
        if (!old || stopping) continue;
        const next = fork();
        await listening(next);
        await drain(old);
        opts.say(`worker ${old.process.pid} replaced by ${next.process.pid}`);
      }
    },
    async stop() {
      stopping = true;
      const all = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
      for (const w of all) w.process.kill('SIGTERM');
      await Promise.all(all.map(exited));
    },
  };
}
