// Global setup of the weapp project: the mini-program is built (or found up to date) once per run,
// before any test file copies it.
import { ensureWeappBuilt } from './weapp-build.js';

export default function setup(): void {
  const started = Date.now();
  ensureWeappBuilt();
  console.log(`[weapp] mini-program build ready in ${Date.now() - started} ms`);
}
