/**
 * Faults around `gdump watch` (issue #14): a kill during a save, a full
 * disk, SIGTERM and SIGHUP, an unusable --out, durations past Node's timer,
 * and numbers that are not numbers. Each ends in a clear line and a
 * documented exit code.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli, runCliAsync } from '../helpers/cli.js';
import { BIN, fixture, REPO } from '../helpers/paths.js';

const TARGET = fixture('leak', 'after.txt');

function startWatch(args: string[]): { child: ReturnType<typeof spawn>; out: () => string; err: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, 'watch', ...args], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exit };
}

async function until(test: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('watch: numbers and durations', () => {
  for (const args of [
    ['watch', TARGET, '--every', '600h'],
    ['watch', TARGET, '--timeout', '600h'],
    [TARGET, '--timeout', '600h'],
  ]) {
    it(`${args.slice(1).join(' ')}: usage error, the longest timer named (not a 1 ms spin)`, () => {
      const r = runCli(args, { timeoutMs: 20_000 });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /longer than the longest timer Node can set/);
    });
  }

  for (const args of [
    [TARGET, '--stacks', '-1'],
    [TARGET, '--top', 'abc'],
    [TARGET, '--stacks', 'NaN'],
    [TARGET, '--top', '1.5'],
    ['diff', TARGET, TARGET, '--top', 'abc'],
    ['watch', TARGET, '--stacks', '-1', '--count', '1'],
  ]) {
    it(`${args.join(' ').replace(REPO, '.')}: usage error naming the flag`, () => {
      const r = runCli(args);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /^gdump: --(top|stacks): expected a whole number/);
    });
  }
});

describe('watch: --out that cannot hold snapshots is a usage error before the first fetch', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gdump-out-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'a-file');
  writeFileSync(file, 'x');
  const dangling = path.join(dir, 'dangling');
  symlinkSync(path.join(dir, 'nowhere'), dangling);
  for (const [name, out, message] of [
    ['a file', file, /exists and is not a directory/],
    ['a dangling link', dangling, /a symbolic link to nothing/],
    ['under /proc', '/proc/self/gdump-snaps', /cannot write there/],
  ] as const) {
    it(name, async () => {
      const r = await runCliAsync(['watch', TARGET, '--count', '2', '--every', '100ms', '--out', out], { timeoutMs: 20_000 });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    });
  }
});

describe('watch: SIGTERM and SIGHUP end it like Ctrl-C, with the final diff', () => {
  for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) {
    it(signal, async () => {
      const w = startWatch([TARGET, '--every', '100ms']);
      await until(() => (w.out().match(/^snapshot \d+/gm) ?? []).length >= 2);
      w.child.kill(signal);
      const code = await w.exit;
      assert.equal(code, 0, w.err());
      assert.match(w.out(), /Sites in both/);
    });
  }
});

describe('watch: a kill -9 during saves leaves no partial file under a snapshot name', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gdump-kill-'));
  const big = path.join(dir, 'big.txt');
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('every file under a snapshot name is whole', async () => {
    // A dump of ~20 MB: each save takes long enough that the kill lands in one.
    const one = readFileSync(TARGET, 'utf8');
    writeFileSync(big, one.repeat(Math.ceil((20 << 20) / one.length)));
    const out = path.join(dir, 'snaps');
    const w = startWatch([big, '--every', '10ms', '--out', out]);
    await until(() => (w.out().match(/^snapshot \d+/gm) ?? []).length >= 3, 60_000);
    w.child.kill('SIGKILL');
    await w.exit;
    const size = statSync(big).size;
    const named = readdirSync(out).filter((f) => !f.startsWith('.'));
    assert.ok(named.length >= 2);
    for (const f of named) assert.equal(statSync(path.join(out, f)).size, size, `${f} is not whole`);
  });
});

describe('watch: a full disk', () => {
  const mnt = mkdtempSync(path.join(tmpdir(), 'gdump-full-'));
  let mounted = false;
  before(() => {
    mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt]).status === 0;
    if (!mounted) console.log('# watch disk-full test skipped: cannot mount a 1 MiB tmpfs here (needs root)');
  });
  after(() => {
    if (mounted) spawnSync('umount', [mnt]);
    rmSync(mnt, { recursive: true, force: true });
  });

  it('what failed is removed, said once, and the watch stops after 3 failed saves in a row (exit 4); the folder diffs', async (t) => {
    if (!mounted) return t.skip('cannot mount a 1 MiB tmpfs here (needs root)');
    writeFileSync(path.join(mnt, 'filler'), Buffer.alloc(700 << 10));
    const out = path.join(mnt, 'snaps');
    const r = await runCliAsync(['watch', TARGET, '--every', '50ms', '--count', '60', '--out', out], { timeoutMs: 60_000 });
    assert.equal(r.code, 4, r.stderr);
    assert.equal((r.stderr.match(/no space left on the device/g) ?? []).length, 1, r.stderr);
    assert.match(r.stderr, /3 snapshots in a row could not be saved in .*: the watch stops/);
    assert.match(r.stdout, /Sites in both/);
    const files = readdirSync(out);
    assert.deepEqual(files.filter((f) => f.startsWith('.')), [], 'a temporary file was left');
    const size = statSync(TARGET).size;
    for (const f of files) assert.equal(statSync(path.join(out, f)).size, size, `${f} is not whole`);
    const d = runCli(['diff', ...files.map((f) => path.join(out, f))]);
    assert.equal(d.code, 0, d.stderr);
  });
});
