/**
 * Bad input: a clear message naming the line, partial results where there
 * are any, a documented exit code, and never an uncaught exception.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runCli, runJson } from '../helpers/cli.js';
import { buildGoProgram, goSkip } from '../helpers/go.js';
import type { SnapshotJson } from '../helpers/json.js';
import { CACHE, fixture } from '../helpers/paths.js';

/** gdump's own stack traces look like this; none may ever reach the user. */
const OWN_STACK = /\n\s+at .*(dist|node:internal)/;

describe('bad input', () => {
  it('empty input: exit 3, says it is empty', () => {
    const r = runCli(['-'], { input: '' });
    assert.equal(r.code, 3);
    assert.match(r.stderr, /stdin: it is empty/);
    assert.doesNotMatch(r.stderr, OWN_STACK);
  });

  it('binary garbage: exit 3, names the lines passed over', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    const r = runCli(['-'], { input: bytes });
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /no goroutine dump or profile was found in it \(\d+ lines passed over: 1-\d+\)/);
    assert.doesNotMatch(r.stderr, OWN_STACK);
  });

  it('a missing file: exit 4; a bad regex or flag: exit 2', () => {
    assert.equal(runCli(['no/such/dump.txt']).code, 4);
    const bad = runCli([fixture('leak', 'after.txt'), '--focus', '(']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--focus: not a valid regular expression/);
    assert.equal(runCli([fixture('leak', 'after.txt'), '--group-by', 'color']).code, 2);
  });

  it('a dump cut mid-goroutine: the goroutines before the cut, and a warning naming the line', () => {
    const text = readFileSync(fixture('leak', 'after.txt'), 'utf8');
    const lines = text.split('\n');
    const headers = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('goroutine '));
    const [, cutHeaderIndex] = headers[20]!;
    // Cut in the middle of the location line after the 21st goroutine's first frame.
    const cutLine = cutHeaderIndex + 3;
    const cut = lines.slice(0, cutLine - 1).join('\n') + '\n' + lines[cutLine - 1]!.slice(0, 12);
    const r = runCli(['-', '--json'], { input: cut });
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout) as SnapshotJson;
    assert.equal(s.total, 21);
    assert.ok(s.warnings.some((w) => w.line === cutLine - 1 && /no location line/.test(w.message)), JSON.stringify(s.warnings));
    assert.ok(s.warnings.some((w) => w.line === cutLine && /cut off/.test(w.message)), JSON.stringify(s.warnings));
    // --strict turns the warnings into a failed check.
    assert.equal(runCli(['-', '--strict'], { input: cut }).code, 1);
  });
});

const skip = goSkip();
if (skip) console.log(`# SKIP ${skip}`);

describe('a debug=2 body cut at 64 MiB', { skip }, () => {
  it('gives every goroutine before the cut and warns at the last line', () => {
    const big = `${CACHE}/many-64mib-source.stack.txt`;
    if (!existsSync(big) || statSync(big).size <= 64 << 20) {
      const bin = buildGoProgram('many');
      // 70,000 goroutines make ~75 MB however short the checkout's path (file paths are part of every frame).
      const run = spawnSync(bin, ['-n', '70000', '-depth', '12', '-format', 'stack', '-out', big], { encoding: 'utf8', timeout: 300_000 });
      assert.equal(run.status, 0, run.stderr);
    }
    assert.ok(statSync(big).size > 64 << 20, 'the generated dump is larger than 64 MiB');
    // runtime.Stack is not capped; pprof's debug=2 handler stops at 64 MiB, mid-line, like this cut.
    const cut = `${CACHE}/many-64mib-cut.debug2.txt`;
    const buf = Buffer.alloc(64 << 20);
    const fd = openSync(big, 'r');
    readSync(fd, buf, 0, buf.length, 0);
    closeSync(fd);
    writeFileSync(cut, buf);
    const text = buf.toString('utf8');
    const headers = (text.match(/^goroutine \d+ \[/gm) ?? []).length;
    const lastLine = text.split('\n').length;
    const s = runJson<SnapshotJson>([cut, '--top', '0']);
    assert.equal(s.total, headers);
    assert.ok(s.warnings.some((w) => w.line >= lastLine - 1), `a warning at the cut (line ${lastLine}): ${JSON.stringify(s.warnings)}`);
  });
});
