/**
 * --format folded against what the Go programs recorded: the leak and xss
 * fixtures' truth holds every goroutine's folded stack, read by the program
 * from runtime.GoroutineProfile (program counters, not the dump's text).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli, runJson } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { readTruth } from '../helpers/truth.js';

interface FoldedTruth {
  stack: string;
  count: number;
}

function folded(args: string[]): string[] {
  const r = runCli([...args, '--format', 'folded']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.endsWith('\n'));
  return r.stdout.slice(0, -1).split('\n');
}

/** The truth leaves out the goroutine that wrote the dump (main): its line is the one through main.main. */
function withoutMain(lines: readonly string[]): { others: string[]; main: string[] } {
  const isMain = (l: string) => l.slice(0, l.lastIndexOf(' ')).split(';').includes('main.main');
  return { others: lines.filter((l) => !isMain(l)), main: lines.filter(isMain) };
}

describe('--format folded', () => {
  for (const name of ['after', 'before', 'series-2']) {
    it(`fixtures/leak/${name}.txt equals, line for line, the stacks and counts in its truth`, () => {
      const truth = readTruth(fixture('leak', `${name}.truth.json`));
      const stacks = truth.stacks as FoldedTruth[];
      const { others, main } = withoutMain(folded([fixture('leak', `${name}.txt`)]));
      assert.deepEqual(others, stacks.map((s) => `${s.stack} ${s.count}`));
      assert.equal(main.length, 1, 'the main goroutine (left out of the truth) is one line');
      assert.match(main[0]!, / 1$/);
      const sum = [...others, ...main].reduce((n, l) => n + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
      assert.equal(sum, truth.numGoroutine);
    });
  }

  it('the xss fixture (labels do not split stacks) equals its truth', () => {
    const truth = readTruth(fixture('xss', 'xss.truth.json'));
    const { others } = withoutMain(folded([fixture('xss', 'xss.tracebacklabels.stack.txt')]));
    // runtime.Stack's caller is the main goroutine: its root is main.main too.
    assert.deepEqual(others, (truth.stacks as FoldedTruth[]).map((s) => `${s.stack} ${s.count}`));
  });

  it('debug=1 gives the same stacks as the traceback of the same moment', () => {
    const truth = readTruth(fixture('leak', 'after.truth.json'));
    const { others } = withoutMain(folded([fixture('leak', 'after.debug1.txt')]));
    assert.deepEqual(others, (truth.stacks as FoldedTruth[]).map((s) => `${s.stack} ${s.count}`));
  });

  it('heap: --sample picks the value; the watcher buffers sum to the bytes the program counted', () => {
    const truth = readTruth(fixture('leak', 'after.truth.json')) as unknown as { watchBuffer: { function: string; inuseBytes: number; inuseObjects: number } };
    const sumFor = (lines: string[]) => lines.filter((l) => l.split(' ')[0]!.endsWith(';' + truth.watchBuffer.function) || l.includes(truth.watchBuffer.function + ' ')).reduce((n, l) => n + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
    assert.equal(sumFor(folded([fixture('leak', 'heap-after.txt')])), truth.watchBuffer.inuseBytes);
    assert.equal(sumFor(folded([fixture('leak', 'heap-after.txt'), '--sample', 'inuse_objects'])), truth.watchBuffer.inuseObjects);
  });

  it('mutex: values are the delay in nanoseconds, summing to the report\'s total', () => {
    const lines = folded([fixture('profiles', 'mutex.debug1.txt')]);
    const json = runJson<{ groups: { delaySeconds: number }[] }>([fixture('profiles', 'mutex.debug1.txt')]);
    const total = lines.reduce((n, l) => n + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
    const want = json.groups.reduce((n, g) => n + g.delaySeconds, 0) * 1e9;
    assert.ok(Math.abs(total - want) <= lines.length, `${total} ns vs ${want} ns`);
  });

  it('refuses --focus (it writes every stack) with a usage error', () => {
    const r = runCli([fixture('leak', 'after.txt'), '--format', 'folded', '--focus', 'main']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--focus and --ignore apply to the report formats/);
  });
});
