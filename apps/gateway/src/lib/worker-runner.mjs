// The worker thread's side of runInWorker, in plain JavaScript so it loads without a TypeScript loader:
// it registers tsx for this thread, imports the task, runs it on the input and posts the result back
// (the typed arrays it returns are transferred, not copied).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { task, input } = workerData;
try {
  const mod = await import(task);
  const output = await mod.run(input);
  parentPort.postMessage({ ok: true, output }, transferables(output));
} catch (err) {
  parentPort.postMessage({ ok: false, error: err?.stack ?? String(err) });
}

/** The buffers of every typed array in the output, found by walking it. */
function transferables(value, out = [], seen = new Set()) {
  if (!value || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && !out.includes(value.buffer)) out.push(value.buffer);
    return out;
  }
  for (const v of Array.isArray(value) ? value : Object.values(value)) transferables(v, out, seen);
  return out;
}
