/**
 * The analyze and diff runs start from V8's code cache (src/cli/code-cache.ts,
 * cached-runs.ts). These tests check that the cache the build saved is one
 * this Node accepts, that the plain run and the yargs commands use it, and
 * that a refused or missing cache changes nothing but speed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { runCli } from '../helpers/cli.js';
import { fixture, REPO } from '../helpers/paths.js';

const BUNDLE = path.join(REPO, 'dist', 'bundle', 'runs', 'runs.cjs');
const LOADER = pathToFileURL(path.join(REPO, 'dist', 'src', 'cli', 'code-cache.js')).href;
const DEFAULTS = pathToFileURL(path.join(REPO, 'dist', 'src', 'cli', 'commands', 'analyze-args.js')).href;

/** Loads `bundle` in a fresh Node, runs it on `dump`, and reports what V8 did with the cache on stderr's last line. */
function runBundle(bundle: string, dump: string): { stdout: string; cache: string } {
  const script = `
    const { loadCachedBundle } = await import(${JSON.stringify(LOADER)});
    const { ANALYZE_DEFAULTS } = await import(${JSON.stringify(DEFAULTS)});
    const loaded = loadCachedBundle(${JSON.stringify(bundle)});
    process.exitCode = await loaded.exports.runAnalyze({ ...ANALYZE_DEFAULTS, inputs: [${JSON.stringify(dump)}], json: true });
    process.stderr.write('cache ' + loaded.cache + '\\n');`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(r.status, 0, r.stderr);
  return { stdout: r.stdout, cache: r.stderr.trim().split('\n').pop()!.replace(/^cache /, '') };
}

describe('the plain run from the code cache', () => {
  const dump = fixture('leak', 'after.txt');

  it('is accepted by this Node, and used by the plain run and the yargs commands', () => {
    assert.equal(runBundle(BUNDLE, dump).cache, 'accepted');
    const before = fixture('leak', 'before.txt');
    for (const [args, input] of [[[dump], undefined], [['--json'], ''], [[dump, '--top', '3'], undefined], [['diff', before, dump], undefined]] as const) {
      const r = runCli([...args], { input, env: { GDUMP_DEBUG: '1' } });
      assert.match(r.stderr, /^gdump: debug: code cache accepted$/m, `gdump ${args.join(' ')}`);
    }
  });

  it('gives the same JSON when the cache is refused or missing', () => {
    // A copy at the same depth under a package.json, as version.ts expects.
    const dir = mkdtempSync(path.join(tmpdir(), 'gdump-cache-'));
    try {
      const bundle = path.join(dir, 'dist', 'bundle', 'runs', 'runs.cjs');
      mkdirSync(path.dirname(bundle), { recursive: true });
      copyFileSync(path.join(REPO, 'package.json'), path.join(dir, 'package.json'));
      copyFileSync(BUNDLE, bundle);
      const expected = runBundle(BUNDLE, dump).stdout;
      const missing = runBundle(bundle, dump);
      assert.equal(missing.cache, 'absent');
      assert.equal(missing.stdout, expected);
      writeFileSync(`${bundle}.codecache`, Buffer.alloc(4096, 7));
      const refused = runBundle(bundle, dump);
      assert.equal(refused.cache, 'rejected');
      assert.equal(refused.stdout, expected);
      const truth = JSON.parse(readFileSync(fixture('leak', 'after.truth.json'), 'utf8')) as { numGoroutine: number };
      assert.equal((JSON.parse(expected) as { total: number }).total, truth.numGoroutine);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
