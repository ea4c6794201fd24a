/**
 * Hostile sizes and bytes: bounded memory, clear messages, no hang.
 * GDUMP_SCALE=10000000 runs the tiny-goroutine stream at full size (minutes).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputPipeline } from '../../src/input/pipeline.js';
import { MAX_LINE_CHARS } from '../../src/input/unwrap.js';
import { runCli } from '../helpers/cli.js';
import { invariantProblem, readText } from './corpus.js';
import { decode } from './damage.js';
import { goroutinesOf } from '../helpers/snapshots.js';

const GOROUTINE = 'goroutine 1 [running]:\nmain.main()\n\t/m.go:3 +0x1\n\n';

describe('limits', () => {
  it('a 1 MB single line next to a goroutine: read, skipped, the goroutine kept', () => {
    const text = 'x'.repeat(1 << 20) + '\n' + GOROUTINE;
    const r = readText(text);
    assert.equal(invariantProblem(text, r), null);
    assert.equal(goroutinesOf(r.result.snapshots[0]).length, 1);
    assert.deepEqual(r.result.snapshots[0]!.skipped, [{ first: 1, last: 1 }]);
  });

  it('a line longer than the limit is cut with a warning naming it, in pieces of any size', () => {
    const p = new InputPipeline();
    p.push(GOROUTINE);
    const piece = 'y'.repeat(1 << 20);
    for (let i = 0; i < (MAX_LINE_CHARS >> 20) + 4; i++) p.push(piece);
    p.push('\n' + GOROUTINE.replace('goroutine 1', 'goroutine 2'));
    const { result } = p.end();
    const s = result.snapshots[0]!;
    assert.equal(goroutinesOf(s).length, 2);
    assert.ok(s.warnings.some((w) => w.line === 5 && /longer than/.test(w.message)), JSON.stringify(s.warnings));
  });

  it('deep brace nesting in args is one call line', () => {
    const args = '{'.repeat(100_000) + '}'.repeat(100_000);
    const text = `goroutine 1 [running]:\nmain.f(${args})\n\t/m.go:3 +0x1\n`;
    const g = goroutinesOf(readText(text).result.snapshots[0])[0]!;
    assert.equal(g.frames[0]!.args.length, args.length);
  });

  it('a file of NUL bytes: no dump found, with a message naming the binary content (exit 3)', () => {
    const r = runCli(['-'], { input: Buffer.alloc(4 << 20) });
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /NUL bytes/);
    assert.match(r.stderr, /no goroutine dump or profile was found/);
  });

  it('invalid UTF-8 in a dump: read, the bad bytes as U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from('goroutine 1 [running]:\nmain.f'), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from('()\n\t/m.go:3 +0x1\n')]);
    const text = decode(bytes);
    const r = readText(text);
    assert.equal(invariantProblem(text, r), null);
    assert.equal(goroutinesOf(r.result.snapshots[0])[0]!.frames[0]!.func.full, 'main.f\ufffd\ufffd(');
  });

  const scale = Number(process.env.GDUMP_SCALE ?? 300_000);
  it(`${scale.toLocaleString('en-US')} tiny goroutines streamed and folded: memory stays bounded`, () => {
    let kept = 0;
    const p = new InputPipeline({ onGoroutine: () => (kept++, false) });
    const batch = 10_000;
    // Ids grow as a long-running process's do: one after the other.
    const piece = (first: number): string => {
      let text = '';
      for (let i = 0; i < batch; i++) text += `goroutine ${first + i} [select]:\nmain.w()\n\t/m.go:3 +0x1\n\n`;
      return text;
    };
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    for (let n = 0; n < scale; n += batch) {
      p.push(piece(n + 1));
      if (n % 100_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const { result } = p.end();
    assert.equal(kept, scale);
    assert.equal(result.snapshots[0]!.total, scale);
    assert.ok(peak - before < 256 << 20, `heap grew by ${Math.round((peak - before) / 2 ** 20)} MiB`);
  });
});
