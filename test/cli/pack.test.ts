/**
 * What `npm pack` ships, and that it runs as `npx` would run it: the packed
 * tarball is installed into an empty prefix (from npm's local cache when it
 * can) and its `gdump` reads a fixture. The tarball holds what runs and the
 * types: no tests, benchmarks or source maps. Packed with --ignore-scripts
 * from the current build (the test suite built it).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fixture, REPO } from '../helpers/paths.js';
import { readTruth } from '../helpers/truth.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npm(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(NPM, args, { cwd, encoding: 'utf8', timeout: 240_000, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm pack', () => {
  it('ships the bundles, the compiled library and its types, and nothing else', () => {
    const r = npm(['pack', '--dry-run', '--json', '--ignore-scripts'], REPO);
    assert.equal(r.status, 0, r.stderr);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    for (const must of ['bin/gdump.cjs', 'package.json', 'README.md', 'dist/bundle/start.js', 'dist/src/index.js', 'dist/src/index.d.ts']) assert.ok(files.includes(must), must);
    const unwanted = files.filter((f) => /^dist\/(test|bench)\/|\.map$|^(src|test|bench|fixtures|grammar|scripts)\//.test(f));
    assert.deepEqual(unwanted, []);
  });

  it('installs into an empty prefix and runs gdump --version and a fixture', { timeout: 300_000 }, (t) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gdump-pack-'));
    try {
      const packed = npm(['pack', '--ignore-scripts', '--pack-destination', dir], REPO);
      assert.equal(packed.status, 0, packed.stderr);
      const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
      const prefix = path.join(dir, 'prefix');
      const installed = npm(['install', '--prefer-offline', '--no-save', '--prefix', prefix, path.join(dir, tarball)], dir);
      if (installed.status !== 0 && /ENOTCACHED|ENOTFOUND|EAI_AGAIN|ECONNREFUSED/.test(installed.stderr)) {
        t.skip('the dependencies are neither in npm\'s cache nor reachable: skipping the install');
        return;
      }
      assert.equal(installed.status, 0, installed.stderr);
      const bin = path.join(prefix, 'node_modules', '.bin', 'gdump');
      const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
      const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
      assert.equal(version.stdout.trim(), pkg.version, version.stderr);
      const truth = readTruth(fixture('leak', 'after.truth.json'));
      const run = spawnSync(bin, [fixture('leak', 'after.txt'), '--json'], { encoding: 'utf8', cwd: dir });
      assert.equal(run.status, 0, run.stderr);
      assert.equal((JSON.parse(run.stdout) as { total: number }).total, truth.numGoroutine);
      const help = spawnSync(bin, ['diff', '--help'], { encoding: 'utf8', cwd: dir });
      assert.equal(help.status, 0, help.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
