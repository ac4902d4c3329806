// Setup file of the weapp project. Vitest's jsdom environment replaces globals that Node code in the
// same process relies on with jsdom's (another realm): typed arrays and ArrayBuffer (then Node's
// TextEncoder output is no `instanceof Uint8Array`, and the in-process gateway cannot sign tokens),
// and Blob / File / FormData (then fetch cannot send a form to MinIO). The mini-program never sees
// a DOM (WeChat's logic layer has none), so these go back to Node's own.
import { Blob, File } from 'node:buffer';
import { deserialize, serialize } from 'node:v8';

const g = globalThis as Record<string, any>;
for (const name of ['ArrayBuffer', 'Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'Int8Array', 'Int16Array', 'Int32Array', 'Float32Array', 'Float64Array']) {
  // A value made in jsdom's realm comes back from v8's deserializer built by this realm's constructor.
  g[name] = (deserialize(serialize(new g[name](1))) as object).constructor;
}
g.Blob = Blob;
g.File = File;
// fetch's own FormData class, as Node exposes it.
g.FormData = (await new Response(new URLSearchParams('a=1')).formData()).constructor;
