/**
 * Real dumps from public repositories (../shared/realworld), read in place.
 * Expected numbers come from that folder's README, counted with grep/awk,
 * independently of gdump.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseDump } from '../../grammar/parse.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { HAS_REALWORLD, REALWORLD } from '../helpers/paths.js';
import { goroutinesIn, goroutinesOf, ofKind } from '../helpers/snapshots.js';

const skip = HAS_REALWORLD ? false : `../shared/realworld is absent (${REALWORLD}): skipping the real-world dump tests`;
if (skip) console.log(`# SKIP ${skip}`);

function parseFile(name: string): Snapshot[] {
  const r = parseDump(readFileSync(path.join(REALWORLD, name), 'utf8'));
  return r.snapshots;
}

/** Goroutines per `created by` function, as the README counts them. */
function createdBy(s: Snapshot): Map<string, number> {
  const m = new Map<string, number>();
  for (const g of goroutinesOf(s)) if (g.createdBy !== null) m.set(g.createdBy.func.full, (m.get(g.createdBy.func.full) ?? 0) + 1);
  return m;
}

interface TracebackCase {
  file: string;
  goroutines: number;
  createdBy: Record<string, number>;
}

const tracebacks: TracebackCase[] = [
  { file: 'DataDog-gostackparse-cgo.txt', goroutines: 3, createdBy: { 'main.main': 2 } },
  { file: 'DataDog-gostackparse-frameselided.txt', goroutines: 1, createdBy: {} },
  { file: 'DataDog-gostackparse-frameselided_goroutine.txt', goroutines: 2, createdBy: { 'main.main': 1 } },
  { file: 'DataDog-gostackparse-go121_createdby.txt', goroutines: 2, createdBy: { 'main.main': 1 } },
  { file: 'DataDog-gostackparse-lockedm.txt', goroutines: 1, createdBy: { 'testing.(*T).Run': 1 } },
  { file: 'DataDog-gostackparse-waitsince.txt', goroutines: 9, createdBy: { 'main.main': 4, 'net/http.(*Transport).dialConn': 2, 'main.indirectShortSleepLoop2': 1 } },
  { file: 'dt-stackgazer-stacks.txt', goroutines: 1404, createdBy: { 'github.com/cockroachdb/cockroach/pkg/util/stop.(*Stopper).RunAsyncTaskEx': 510, 'golang.org/x/sync/errgroup.(*Group).Go': 182, 'github.com/cockroachdb/cockroach/pkg/kv/kvserver.(*raftScheduler).Start': 130 } },
  { file: 'dt-stackgazer-stacks-2.txt', goroutines: 1253, createdBy: { 'github.com/cockroachdb/cockroach/pkg/util/stop.(*Stopper).RunAsyncTaskEx': 487, 'golang.org/x/sync/errgroup.(*Group).Go': 152, 'github.com/cockroachdb/cockroach/pkg/kv/kvserver.(*raftScheduler).Start': 130 } },
  { file: 'felixge-go-profiler-notes-1.net.http.pprof.goroutine.debug2.txt', goroutines: 10, createdBy: { 'main.main': 4, 'net/http.(*Transport).dialConn': 2, 'main.indirectShortSleepLoop2': 1 } },
  { file: 'felixge-go-profiler-notes-1.pprof.lookup.goroutine.debug2.txt', goroutines: 6, createdBy: { 'main.main': 4, 'main.indirectShortSleepLoop2': 1 } },
  { file: 'felixge-go-profiler-notes-1.runtime.stack.txt', goroutines: 6, createdBy: { 'main.main': 4, 'main.indirectShortSleepLoop2': 1 } },
  { file: 'felixge-go-profiler-notes-2.net.http.pprof.goroutine.debug2.txt', goroutines: 10, createdBy: { 'main.main': 4, 'net/http.(*Transport).dialConn': 2, 'main.indirectShortSleepLoop2': 1 } },
  { file: 'felixge-go-profiler-notes-2.runtime.stack.txt', goroutines: 9, createdBy: { 'main.main': 4, 'net/http.(*Transport).dialConn': 2, 'main.indirectShortSleepLoop2': 1 } },
  { file: 'felixge-go-profiler-notes-frames.txt', goroutines: 1, createdBy: {} },
  { file: 'felixge-go-profiler-notes-stack.txt', goroutines: 1, createdBy: {} },
  { file: 'uber-go-goleak-http.go1.20.txt', goroutines: 5, createdBy: { 'net/http.(*Transport).dialConn': 2, 'main.start': 1, 'net/http.(*Server).Serve': 1 } },
  { file: 'uber-go-goleak-http.txt', goroutines: 5, createdBy: { 'net/http.(*Transport).dialConn': 2, 'main.start': 1, 'net/http.(*Server).Serve': 1 } },
];

describe('real-world tracebacks', { skip }, () => {
  for (const c of tracebacks) {
    it(`${c.file}: ${c.goroutines} goroutines, created-by counts as counted by grep`, () => {
      const snapshots = parseFile(c.file);
      assert.equal(snapshots.length, 1);
      const s = snapshots[0]!;
      assert.equal(s.format, 'goroutine');
      assert.equal(goroutinesOf(s).length, c.goroutines);
      assert.equal(s.total, c.goroutines);
      const counts = createdBy(s);
      for (const [fn, n] of Object.entries(c.createdBy)) assert.equal(counts.get(fn), n, fn);
      // Every goroutine header line of the file became a goroutine.
      assert.equal(s.warnings.length, 0, JSON.stringify(s.warnings));
    });
  }

  it('ancestors: 10 [originating from goroutine N] blocks are kept on their goroutines', () => {
    const [s] = parseFile('DataDog-gostackparse-ancestors.txt');
    assert.equal(goroutinesOf(s).length, 3);
    assert.equal(goroutinesOf(s).reduce((n, g) => n + g.ancestors.length, 0), 10);
    const g25 = goroutinesOf(s).find((g) => g.id === 25)!;
    assert.deepEqual(g25.ancestors.map((a) => a.id).slice(0, 3), [24, 23, 22]);
    assert.equal(g25.ancestors[0]!.createdBy?.func.full, 'main.d1');
  });

  it('goleak tracebackancestors: 7 created-by lines in all (4 on goroutines, 3 inside ancestor blocks)', () => {
    const [s] = parseFile('uber-go-goleak-http.tracebackancestors.txt');
    assert.equal(goroutinesOf(s).length, 5);
    const own = goroutinesOf(s).filter((g) => g.createdBy !== null).length;
    const inAncestors = goroutinesOf(s).reduce((n, g) => n + g.ancestors.filter((a) => a.createdBy !== null).length, 0);
    assert.equal(own + inAncestors, 7);
  });

  it('runtime-stack: prose, a glued header, then a SIGQUIT dump: two snapshots, 11 goroutines', () => {
    const snapshots = parseFile('felixge-go-profiler-notes-runtime-stack.txt');
    assert.equal(snapshots.length, 2);
    assert.deepEqual(snapshots.map((s) => goroutinesIn(s).length), [5, 6]);
    assert.equal(goroutinesOf(snapshots[1])[0]!.id, 0);
    assert.ok(snapshots[1]!.messages.some((m) => m.includes('SIGQUIT: quit')));
    // The shell prompt and prose before the dump, and the register dump after it, are passed over, not lost.
    assert.ok(snapshots[0]!.skipped.some((r) => r.first === 1));
    const created = new Map<string, number>();
    for (const s of snapshots) for (const [k, v] of createdBy(s)) created.set(k, (created.get(k) ?? 0) + v);
    assert.equal(created.get('main.main'), 6);
    assert.equal(created.get('main.indirectSleepLoop2'), 2);
    const registers = snapshots[1]!.skipped.reduce((n, r) => n + r.last - r.first + 1, 0);
    assert.ok(registers >= 22, `register dump and exit status counted as skipped: ${registers}`);
  });

  it('frames elided: the ≤1.20 marker and the 1.21+ count are both recorded', () => {
    const [old] = parseFile('DataDog-gostackparse-frameselided.txt');
    assert.equal(goroutinesOf(old)[0]!.frames.length, 100);
    assert.equal(goroutinesOf(old)[0]!.elidedFrames, -1);
    const [newer] = parseFile('dt-stackgazer-stacks-2.txt');
    assert.ok(goroutinesOf(newer).some((g) => g.elidedFrames === 17));
  });

  it('inlined frames and cgo locations', () => {
    const [frames] = parseFile('felixge-go-profiler-notes-frames.txt');
    const inlined = goroutinesOf(frames)[0]!.frames.filter((f) => f.inlined);
    assert.ok(inlined.length >= 1);
    assert.equal(inlined[0]!.pcOffset, -1);
    const [cgo] = parseFile('DataDog-gostackparse-cgo.txt');
    const states = goroutinesOf(cgo).map((g) => [g.state, g.locked]);
    assert.deepEqual(states.find(([s]) => s === 'sleep'), ['sleep', true]);
    assert.ok(goroutinesOf(cgo).some((g) => g.state === 'syscall'));
  });

  it('wait ages are read from headers', () => {
    const [s] = parseFile('DataDog-gostackparse-waitsince.txt');
    assert.ok(goroutinesOf(s).some((g) => g.state === 'sleep' && g.waitMinutes === 1));
    assert.ok(goroutinesOf(s).some((g) => g.state === 'IO wait' && g.waitMinutes === 1));
  });
});

interface CountCase {
  file: string;
  format: string;
  total: number;
  records: number;
  labelled: number;
}

const counts: CountCase[] = [
  { file: 'dt-stackgazer-stacks_with_labels.txt', format: 'goroutine-debug1', total: 1402, records: 545, labelled: 376 },
  { file: 'felixge-go-profiler-notes-1.net.http.pprof.goroutine.debug1.txt', format: 'goroutine-debug1', total: 10, records: 9, labelled: 6 },
  { file: 'felixge-go-profiler-notes-1.pprof.lookup.goroutine.debug1.txt', format: 'goroutine-debug1', total: 6, records: 5, labelled: 4 },
  { file: 'felixge-go-profiler-notes-2.net.http.pprof.goroutine.debug1.txt', format: 'goroutine-debug1', total: 10, records: 9, labelled: -1 },
  { file: 'felixge-go-profiler-notes-2.pprof.lookup.goroutine.debug1.txt', format: 'goroutine-debug1', total: 9, records: 8, labelled: 6 },
  { file: 'google-pprof-go.godoc.thread', format: 'threadcreate', total: 7, records: 7, labelled: 0 },
];

describe('real-world count profiles (debug=1)', { skip }, () => {
  for (const c of counts) {
    it(`${c.file}: total ${c.total}, ${c.records} records summing to it`, () => {
      const [s, ...rest] = parseFile(c.file);
      assert.equal(rest.length, 0);
      assert.equal(s!.format, c.format);
      assert.equal(s!.total, c.total);
      assert.equal(ofKind(s, 'count').records.length, c.records);
      assert.equal(ofKind(s, 'count').records.reduce((n, r) => n + r.count, 0), c.total);
      if (c.labelled >= 0) assert.equal(ofKind(s, 'count').records.filter((r) => r.labels !== null).length, c.labelled);
      assert.equal(s!.warnings.length, 0, JSON.stringify(s!.warnings.slice(0, 3)));
    });
  }

  it('tabwriter-padded # lines give function, file and line', () => {
    const [s] = parseFile('dt-stackgazer-stacks_with_labels.txt');
    const f = ofKind(s, 'count').records[0]!.frames[0]!;
    assert.match(f.func.full, /\./);
    assert.match(f.file, /\.go$/);
    assert.ok(f.line > 0);
  });
});
