/**
 * The analyze and diff runs from the code-cached bundle (run/cached.ts,
 * loaded by code-cache.ts), shared by the start (the plain run) and the yargs
 * commands. That bundle has no TUI: `-i` runs import the ES modules.
 */
import { fileURLToPath } from 'node:url';
import { loadCachedBundle, type CachedBundle } from './code-cache.js';

export type CachedRuns = typeof import('./run/cached.js');

/** Beside dist/bundle/cli/, where both the start and the yargs runner's chunks live; absent under dist/src (tsc alone). */
const RUNS_BUNDLE = fileURLToPath(new URL('../runs/runs.cjs', import.meta.url));

let loaded: CachedBundle<CachedRuns> | null | undefined;

/** The bundle, loaded once; null when the build made none. */
export function cachedRuns(): CachedBundle<CachedRuns> | null {
  if (loaded === undefined) {
    loaded = loadCachedBundle<CachedRuns>(RUNS_BUNDLE);
    if (process.env.GDUMP_DEBUG === '1') process.stderr.write(`gdump: debug: code cache ${loaded?.cache ?? 'not built'}\n`);
  }
  return loaded;
}
