/**
 * A dump whose size is that of a full buffer was cut there: pprof's debug=2
 * handler stops at exactly 64 MiB, runtime.Stack at the size of the buffer
 * it is given. When the cut falls right after a newline every line reads, and
 * the size is the only trace (test/cli/bad-input.test.ts cuts a real 64 MiB
 * dump at a random line; this one pins the case where the lines are whole).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { DumpReader } from '../../grammar/parse.js';
import { fixture } from '../helpers/paths.js';

const whole = readFileSync(fixture('leak', 'after.txt'), 'utf8');

function warningsAt(size: number): { line: number; message: string }[] {
  const reader = new DumpReader();
  reader.push(whole);
  const result = reader.end(size);
  assert.equal(result.snapshots.length, 1);
  return result.snapshots[0]!.warnings;
}

it('whole lines at a full buffer size (64 KiB, 1 MiB, 64 MiB): a warning at the last line', () => {
  const lastLine = whole.split('\n').length - 1;
  for (const size of [64 << 10, 1 << 20, 64 << 20]) {
    const warnings = warningsAt(size);
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.equal(warnings[0]!.line, lastLine);
    assert.match(warnings[0]!.message, new RegExp(`exactly ${size} bytes, the size of a full buffer .*cut off`));
  }
});

it('any other size, or a power of two under 64 KiB: no warning', () => {
  for (const size of [Buffer.byteLength(whole), (64 << 10) - 1, (64 << 10) + 1, 3 << 20, 32 << 10]) assert.deepEqual(warningsAt(size), [], String(size));
});
