/**
 * Go for tests that build and run the fixture programs. In CI a missing Go
 * is a failure; elsewhere the test is skipped with a visible reason.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { CACHE, FIXTURES } from './paths.js';

export const HAS_GO = spawnSync('go', ['version'], { encoding: 'utf8' }).status === 0;

/** The skip reason for node:test, or false to run. Throws in CI, where Go must be there. */
export function goSkip(): string | false {
  if (HAS_GO) return false;
  if (process.env.CI === 'true') throw new Error('Go is required in CI but `go version` failed');
  return 'Go is not installed (go version failed): skipping tests that build Go fixture programs';
}

/** Builds fixtures/gen/<program> into fixtures/.cache/bin/<program> and returns the binary's path. */
export function buildGoProgram(program: string, extraArgs: string[] = []): string {
  const out = path.join(CACHE, 'bin', program);
  mkdirSync(path.dirname(out), { recursive: true });
  const r = spawnSync('go', ['-C', path.join(FIXTURES, 'gen'), 'build', ...extraArgs, '-o', out, `./${program}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`go build ./${program} failed:\n${r.stderr}`);
  return out;
}

/** A fixtures/gen/many dump of `n` goroutines (debug=2, 10 recursion frames each), made once into fixtures/.cache/speed/ with its truth beside it. */
export function manyDump(n: number): string {
  const dump = path.join(CACHE, 'speed', `many-${n}.txt`);
  if (!existsSync(dump)) {
    const r = spawnSync(buildGoProgram('many'), ['-n', String(n), '-depth', '10', '-format', 'debug2', '-out', dump], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`many -n ${n} failed:\n${r.stderr}`);
  }
  return dump;
}
