// Work that runs beside the HTTP server in every gateway process: the event relay's safety-net
// scan, the hotline outbox worker (webhook mode), the citizen notification worker, the orphan
// upload sweep, and saving a copy of the staff console's ticket index. Several processes may run it
// at once: queue items are claimed under leases.
import { sweepOrphanUploads } from './commands/sweep-orphan-uploads.js';
import type { Deps } from './deps.js';
import { deliverHotlineEvent } from './hotline/webhook.js';
import { QueueWorker } from './lib/queue.js';
import { deliverNotification } from './notifications/deliver.js';

export interface BackgroundWork {
  outbox: QueueWorker | null;
  notifications: QueueWorker;
  stop(): Promise<void>;
}

export function startBackgroundWork(deps: Deps): BackgroundWork {
  const { config, logger } = deps;
  const outbox =
    config.hotline.mode === 'webhook'
      ? new QueueWorker('hotline', deps.models.Outbox, config.outbox, (item) => deliverHotlineEvent(deps, item), logger, deps.now)
      : null;
  const notifications = new QueueWorker(
    'notify',
    deps.models.Notification,
    { ...config.outbox, maxAttempts: config.notify.maxAttempts, concurrency: Math.min(2, config.outbox.concurrency) },
    (item) => deliverNotification(deps, item),
    logger,
    deps.now,
  );
  const countAttempt = (queue: string, result: string) => deps.metrics.deliveries.inc({ queue, result });
  if (outbox) outbox.onAttempt = countAttempt;
  notifications.onAttempt = countAttempt;
  const unsubscribe = deps.relay.onQueued((queue) => (queue === 'hotline' ? outbox?.poke() : notifications.poke()));
  outbox?.start();
  notifications.start();

  let relaying = false;
  const relayTimer = setInterval(() => {
    if (relaying) return;
    relaying = true;
    deps.relay
      .relayAll()
      .catch((err) => logger.error({ err }, 'periodic relay failed'))
      .finally(() => (relaying = false));
  }, Math.max(200, config.outbox.pollMs * 2));
  const sweepTimer = setInterval(() => {
    sweepOrphanUploads(deps).catch((err) => logger.error({ err }, 'orphan upload sweep failed'));
  }, config.uploads.sweepIntervalSeconds * 1000);
  // A fresh copy of the console's ticket index every few minutes, when tickets changed: a process
  // that starts later reads it instead of every ticket.
  const indexTimer = setInterval(() => void deps.ticketIndex.saveIfChanged(), 5 * 60_000);
  // The department model learns the city's own dispatching: retrain (in a worker) when tickets were dispatched.
  const dispatchTimer = setInterval(() => {
    deps.dispatch.retrainFromHistory().catch((err) => logger.error({ err }, 'dispatch retraining failed'));
  }, config.dispatch.retrainMinutes * 60_000);
  // Picks up knowledge-base edits made through another process within about a second (rebuilt off the event loop).
  const faqTimer = setInterval(() => void deps.faq.poll(), 1000);
  faqTimer.unref();
  dispatchTimer.unref();
  relayTimer.unref();
  sweepTimer.unref();
  indexTimer.unref();

  return {
    outbox,
    notifications,
    async stop() {
      clearInterval(relayTimer);
      clearInterval(sweepTimer);
      clearInterval(indexTimer);
      clearInterval(dispatchTimer);
      clearInterval(faqTimer);
      unsubscribe();
      await Promise.all([outbox?.stop(), notifications.stop()]);
    },
  };
}
