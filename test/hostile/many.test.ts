/**
 * Lists as long as the input makes them (issue #14): no list of groups,
 * table rows or frames is spread into a call (V8 throws past ~120 k
 * arguments), and --json waits for a slow reader instead of buffering.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { DumpReader } from '../../grammar/parse.js';
import { runCli } from '../helpers/cli.js';
import { runMeasured } from '../helpers/rss.js';
import { deepSample } from './bombs.js';

const GROUPS = 150_000;

/** `n` goroutines, each running its own function (a group each by stack or top), with a unique `req` label. */
function uniqueDump(n: number, offset = 0): string {
  const parts: string[] = [];
  for (let i = 1; i <= n; i++) {
    parts.push(`goroutine ${i} [select, labels:{"req": "${i + offset}"}]:\nmain.handler${i + offset}()\n\t/srv/main.go:${i} +0x1d\ncreated by main.serve in goroutine 1\n\t/srv/main.go:9 +0x2a\n`);
  }
  return parts.join('\n');
}

describe('long lists: no spread into a call', { concurrency: 2 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gdump-many-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const a = path.join(dir, 'a.txt');
  const b = path.join(dir, 'b.txt');
  writeFileSync(a, uniqueDump(GROUPS));
  writeFileSync(b, uniqueDump(GROUPS, GROUPS));

  it(`--top 0 with ${GROUPS.toLocaleString('en-US')} groups (--group-by top)`, () => {
    const r = runCli([a, '--group-by', 'top', '--top', '0', '--stacks', '0']);
    assert.equal(r.code, 0, r.stderr.slice(0, 2000));
    assert.match(r.stdout, /goroutine dump, 150,000 goroutines in 150,000 groups/);
  });

  it(`-g label:req with a unique id per goroutine, --top 0`, () => {
    const r = runCli([a, '-g', 'label:req', '--top', '0', '--stacks', '0']);
    assert.equal(r.code, 0, r.stderr.slice(0, 2000));
    assert.match(r.stdout, /150,000 goroutines in 150,000 /);
  });

  it(`diff --by top --top 0: ${(2 * GROUPS).toLocaleString('en-US')} new and vanished sites`, () => {
    const r = runCli(['diff', a, b, '--by', 'top', '--top', '0', '--stacks', '0']);
    assert.equal(r.code, 0, r.stderr.slice(0, 2000));
    assert.match(r.stdout, /New sites \(150,?000\)/);
  });

  it('a stack of a million frames, printed as text', () => {
    const r = runCli(['-', '--max-stack-depth', '2000000', '--max-profile-items', '3000000', '--stacks', '1'], { input: deepSample(1_000_000) });
    assert.equal(r.code, 0, r.stderr.slice(0, 2000));
    // The report collapses the run of one repeated frame: the frame, then how many more times it repeats.
    assert.match(r.stdout, /… 999,999 × main\.recurse/);
  });
});

describe('--json and a slow reader', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gdump-slow-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const input = path.join(dir, 'many.txt');
  // ~40 MB of JSON: buffered whole, it would show in the slow run's peak RSS.
  writeFileSync(input, uniqueDump(60_000));

  it('waits for the pipe to drain: never more than a few pieces held unwritten, and no more memory than with a fast reader', async () => {
    const args = [input, '--group-by', 'stack', '--similarity', 'exact', '--json'];
    const fast = await runMeasured(args, { keepStdout: 1 << 16, timeoutMs: 300_000 });
    const slow = await runMeasured(args, { keepStdout: 1 << 16, stdoutDelayMs: 4000, timeoutMs: 300_000 });
    assert.equal(fast.code, 0, fast.stderr);
    assert.equal(slow.code, 0, slow.stderr);
    assert.ok(slow.stdout.trimEnd().endsWith('}'));
    // Without back-pressure the whole ~40 MB of JSON waited in stdout's buffer.
    assert.ok(slow.queuedMiB! < 1, `slow reader: ${slow.queuedMiB!.toFixed(1)} MiB held unwritten`);
    assert.ok(slow.rssMiB! < fast.rssMiB! + 20, `slow reader: ${slow.rssMiB!.toFixed(0)} MiB, fast: ${fast.rssMiB!.toFixed(0)} MiB`);
  });
});

describe('a dump without blank lines (log shippers drop them)', () => {
  it('is cut at goroutine headers: no goroutine read in two pieces, no warning', () => {
    const text = uniqueDump(20_000).replace(/\n\n/g, '\n');
    assert.ok(!text.includes('\n\n') && text.length > 4 * (512 << 10));
    const reader = new DumpReader();
    for (let at = 0; at < text.length; at += 64 << 10) reader.push(text.slice(at, at + (64 << 10)));
    const s = reader.end().snapshots[0]!;
    assert.ok(s.kind === 'traceback');
    assert.equal(s.goroutines.length, 20_000);
    assert.ok(s.goroutines.every((g) => g.frames.length === 1 && g.createdBy?.func.full === 'main.serve'), 'a goroutine lost its frames or creator');
    assert.deepEqual(s.warnings, []);
  });

  it('without headers either, the cut is warned with its line', () => {
    const text = 'x'.repeat(100) + '\n';
    const reader = new DumpReader();
    reader.push('goroutine 1 [running]:\nmain.main()\n\t/m.go:1 +0x1\n');
    for (let i = 0; i < 6000; i++) reader.push(text);
    const s = reader.end().snapshots[0]!;
    assert.ok(s.warnings.some((w) => /no blank line and no goroutine header in the 524288 characters/.test(w.message) && w.line > 1), JSON.stringify(s.warnings.slice(0, 3)));
  });
});
