// Runs CPU-heavy work (training a model, building an index) on a worker thread, so a process keeps
// answering while it trains. The task is a module exporting `run(input)`; the result comes back by
// structured clone (typed arrays are transferred, not copied, when the task lists them).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

// Paths, not URL objects: under the weapp tests' jsdom the global `URL` is jsdom's, which Worker refuses.
const RUNNER = join(import.meta.dirname, 'worker-runner.mjs');

/**
 * Runs `run(input)` of the module at `taskPath` (an absolute file path) in a new worker thread. `transfer`:
 * buffers inside `input` to move rather than copy (they are unusable here afterwards) — a large input is
 * best sent as bytes, since copying many strings holds this thread for as long as it takes.
 */
export function runInWorker<I, O>(taskPath: string, input: I, transfer: ArrayBuffer[] = []): Promise<O> {
  return new Promise<O>((resolve, reject) => {
    // The runner registers tsx in its own thread, whether the process was started by tsx or by vitest.
    const worker = new Worker(RUNNER, { workerData: { task: pathToFileURL(taskPath).href, input }, transferList: transfer, execArgv: [] });
    let settled = false;
    worker.once('message', (msg: { ok: true; output: O } | { ok: false; error: string }) => {
      settled = true;
      if (msg.ok) resolve(msg.output);
      else reject(new Error(msg.error));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`worker exited with code ${code} before answering`));
    });
  });
}
