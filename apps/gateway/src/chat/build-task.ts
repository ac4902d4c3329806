// The worker-thread task (lib/worker-task.ts) that builds a chat engine's heavy parts off the event loop.
import { buildEngineParts, type BuildRequest, type EngineParts } from './engine-parts.js';

export function run(input: BuildRequest): EngineParts {
  return buildEngineParts(input);
}
