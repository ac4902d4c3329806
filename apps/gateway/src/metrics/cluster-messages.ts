// The two messages by which a cluster worker asks the primary for every worker's metrics (GET /metrics lands on
// one worker; only the primary can ask them all).
export interface MetricsRequest {
  type: 'minhu:metrics-request';
  id: number;
}

export type MetricsReply = { type: 'minhu:metrics-reply'; id: number } & ({ text: string; contentType: string } | { error: string });

export function isMetricsRequest(msg: unknown): msg is MetricsRequest {
  return typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === 'minhu:metrics-request';
}

export function isMetricsReply(msg: unknown): msg is MetricsReply {
  return typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === 'minhu:metrics-reply';
}

let nextId = 0;

/** From a worker: the metrics of every worker, aggregated by the primary. */
export function askPrimaryForMetrics(timeoutMs = 5000): Promise<{ text: string; contentType: string }> {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.off('message', onMessage);
      reject(new Error('the cluster primary did not answer with metrics'));
    }, timeoutMs);
    const onMessage = (msg: unknown) => {
      if (!isMetricsReply(msg) || msg.id !== id) return;
      clearTimeout(timer);
      process.off('message', onMessage);
      if ('error' in msg) reject(new Error(msg.error));
      else resolve({ text: msg.text, contentType: msg.contentType });
    };
    process.on('message', onMessage);
    process.send!({ type: 'minhu:metrics-request', id } satisfies MetricsRequest);
  });
}
