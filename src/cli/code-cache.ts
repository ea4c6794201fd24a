/**
 * Runs a CommonJS bundle from V8's code cache: the compiled code saved next
 * to the bundle is read back instead of compiling the source again.
 *
 * Why: compiling the parser, Chevrotain and lodash on every start, and
 * running Chevrotain's grammar analysis as cold code, was over a third of
 * a small dump's run. Node 22 caches ES modules by itself
 * (module.enableCompileCache); Node 20 can cache only a script compiled
 * through node:vm, so the analyze and diff runs are also bundled as one
 * CommonJS file (run/cached.ts, scripts/bundle.mjs) and the build runs it
 * once on sample dumps to save its code (scripts/code-cache.mjs).
 *
 * V8 checks the cache against its version, its flags and the source, and
 * rejects one that does not match; the bundle then compiles as it would
 * without a cache. A bundle loaded this way cannot `import()` (node:vm needs
 * an experimental flag for that), so it holds no lazy ES module imports.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

/** What V8 did with the saved code: used it, refused it (other Node, other flags), or there was none. */
export type CacheUse = 'accepted' | 'rejected' | 'absent';

export interface CachedBundle<Exports> {
  exports: Exports;
  cache: CacheUse;
  /** The compiled script, for createCachedData() once it has run. */
  script: Script;
}

export function cacheFileOf(bundle: string): string {
  return `${bundle}.codecache`;
}

type ModuleWrapper = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

/**
 * Loads `bundle` (a CommonJS file) as Node's require would, from its code
 * cache when `useCache`. Null when the bundle is not there (a build without
 * it, or the tsc output under dist/src): the caller imports the ES module.
 */
export function loadCachedBundle<Exports extends object>(bundle: string, useCache = true): CachedBundle<Exports> | null {
  let source: string;
  try {
    source = readFileSync(bundle, 'utf8');
  } catch {
    return null;
  }
  let cachedData: Buffer | undefined;
  if (useCache) {
    try {
      cachedData = readFileSync(cacheFileOf(bundle));
    } catch {
      cachedData = undefined;
    }
  }
  // The wrapper Node's own CommonJS loader puts around a module (module.wrap).
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new Script(wrapped, { filename: bundle, ...(cachedData === undefined ? {} : { cachedData }) });
  const module = { exports: {} as Exports };
  (script.runInThisContext() as ModuleWrapper)(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  const cache: CacheUse = cachedData === undefined ? 'absent' : script.cachedDataRejected === true ? 'rejected' : 'accepted';
  return { exports: module.exports, cache, script };
}
