/**
 * The runtime's own goroutines (GC workers, sweeper, scavenger, finalizer,
 * goroutine 0, pprof's handler) fold into one "runtime" row, and diffs leave
 * them out of growth; --runtime shows them. On the crash program's SIGQUIT
 * dump, whose truth counts the user goroutines (numGoroutine) apart from
 * the runtime's blocks it printed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDump } from '../../grammar/parse.js';
import { groupSnapshot } from '../../src/analysis/group.js';
import { foldRuntime, isRuntimeInternal } from '../../src/analysis/runtime-fold.js';
import { runCli, runJson } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { readTruth } from '../helpers/truth.js';

const SIGQUIT = fixture('crash', 'sigquit.txt');
const PANIC = fixture('crash', 'panic.txt');

describe("the runtime's own goroutines", () => {
  const truth = readTruth(fixture('crash', 'sigquit.truth.json'));
  const parsed = parseDump(readFileSync(SIGQUIT, 'utf8')).snapshots[0]!;
  assert.ok(parsed.kind === 'traceback');
  const snapshot = parsed;
  const runtimeCount = snapshot.total - truth.numGoroutine;

  it('fold into one group; every site the program started stays', () => {
    assert.ok(runtimeCount > 0, 'the SIGQUIT dump prints runtime goroutines');
    const folded = foldRuntime(groupSnapshot(snapshot));
    assert.equal(folded.runtime?.count, runtimeCount);
    assert.equal(folded.groups.reduce((n, g) => n + g.count, 0), truth.numGoroutine);
    for (const site of truth.sites) assert.ok(folded.groups.some((g) => g.representative.frames.some((f) => f.func.full === site.entry)), site.entry);
    assert.ok(!folded.groups.some((g) => isRuntimeInternal(g.representative)));
  });

  it('the table shows one runtime row; --runtime lists its sites', () => {
    const text = runCli([SIGQUIT, '--stacks', '0', '--top', '0']).stdout;
    assert.match(text, new RegExp(`^\\s+${runtimeCount}\\s+[\\d.]+%.*runtime \\(GC, finalizers, signals, pprof: \\d+ sites; --runtime lists them\\)$`, 'm'));
    assert.doesNotMatch(text, /runtime\.gcBgMarkWorker/);
    const all = runCli([SIGQUIT, '--stacks', '0', '--top', '0', '--runtime']).stdout;
    assert.match(all, /runtime\.gcBgMarkWorker/);
    assert.doesNotMatch(all, /--runtime lists them/);
  });

  it('diff leaves them out of growth (a SIGQUIT dump against a plain panic)', () => {
    const json = runJson<{ runtimeLeftOut: number[]; sites: { entry: { function: string } | null; status: string }[] }>(['diff', PANIC, SIGQUIT]);
    assert.deepEqual(json.runtimeLeftOut, [0, runtimeCount]);
    assert.ok(!json.sites.some((s) => /^runtime\.(gcBgMarkWorker|bgsweep|bgscavenge|forcegchelper|runFinalizers)$/.test(s.entry?.function ?? '')), 'no GC site is "new"');
    const all = runJson<{ sites: { entry: { function: string } | null }[] }>(['diff', PANIC, SIGQUIT, '--runtime']);
    assert.ok(all.sites.some((s) => s.entry?.function === 'runtime.gcBgMarkWorker'));
    assert.match(runCli(['diff', PANIC, SIGQUIT, '--stacks', '0']).stdout, new RegExp(`are left out: 0 → ${runtimeCount}; --runtime counts them`));
  });
});
