/**
 * `gdump diff` on the leak program's snapshots (fixtures/gen/leak): every
 * expected number comes from the truth files the program wrote at dump
 * time, never from gdump's own earlier output.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli, runJson } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { readTruth, type Truth, type TruthSite } from '../helpers/truth.js';

interface DiffSiteJson {
  key: string;
  entry: { function: string; file: string; line: number } | null;
  createdBy: { function: string; file: string; line: number } | null;
  counts: number[];
  before: number;
  after: number;
  delta: number;
  states: Record<string, number>;
  monotonic: boolean;
  status: string;
  moved: boolean;
}

interface DiffJson {
  kind: string;
  sites: DiffSiteJson[];
  totals: { before: number; after: number; counts: number[] };
}

const leak = (name: string): string => fixture('leak', name);
const truthOf = (name: string): Truth => readTruth(leak(`${name}.truth.json`));

/** The diff site a truth site stands for: same entry function, and the `go` statement line when the diff knows it. */
function siteFor(d: DiffJson, t: TruthSite): DiffSiteJson {
  const found = d.sites.filter((s) => s.entry?.function === t.entry && (s.createdBy === null || s.createdBy.function === t.createdBy));
  assert.equal(found.length, 1, `exactly one diff site for ${t.entry}: ${JSON.stringify(d.sites.map((s) => s.key))}`);
  return found[0]!;
}

function truthSite(t: Truth, scenario: string): TruthSite {
  const s = t.sites.find((x) => x.scenario === scenario);
  assert.ok(s, scenario);
  return s;
}

/** Checks a before → after diff against the two truths: watcher first with the recorded delta, every scenario site's counts as recorded. */
function checkAgainstTruth(d: DiffJson, before: Truth, after: Truth, creators: boolean): void {
  assert.equal(d.kind, 'goroutine');
  assert.equal(d.totals.before, before.numGoroutine);
  assert.equal(d.totals.after, after.numGoroutine);
  const watcherBefore = truthSite(before, 'watcher');
  const watcherAfter = truthSite(after, 'watcher');
  assert.equal(d.sites[0]!.entry?.function, watcherAfter.entry, 'the watcher ranks first');
  assert.equal(d.sites[0]!.delta, watcherAfter.count - watcherBefore.count);
  for (const t of after.sites) {
    const b = truthSite(before, t.scenario);
    const s = siteFor(d, t);
    assert.equal(s.before, b.count, `${t.scenario} before`);
    assert.equal(s.after, t.count, `${t.scenario} after`);
    assert.equal(s.delta, t.count - b.count, `${t.scenario} delta`);
    if (creators) {
      assert.equal(s.createdBy?.function, t.createdBy, t.scenario);
      assert.equal(s.createdBy?.line, t.goLine, t.scenario);
    } else assert.equal(s.createdBy?.line ?? t.goLine, t.goLine, 'a creator, when shown, is the recorded go statement');
  }
  // The JSON contract: sorted by delta, biggest first.
  const deltas = d.sites.map((s) => s.delta);
  assert.deepEqual(deltas, [...deltas].sort((x, y) => y - x));
  assert.equal(d.sites.filter((s) => s.status === 'new' || s.status === 'vanished').length, 0, 'nothing new or vanished');
}

describe('diff before → after (leak fixtures)', () => {
  const before = truthOf('before');
  const after = truthOf('after');

  it('traceback vs traceback: watcher first with the recorded delta and per-state delta, others as recorded', () => {
    const d = runJson<DiffJson>(['diff', leak('before.txt'), leak('after.txt')]);
    checkAgainstTruth(d, before, after, true);
    const w = truthSite(after, 'watcher');
    assert.deepEqual(d.sites[0]!.states, { [w.state]: w.count - truthSite(before, 'watcher').count });
    assert.equal(d.sites[0]!.monotonic, true);
  });

  it('debug=1 vs debug=1: matched on the entry function', () => {
    const d = runJson<DiffJson>(['diff', leak('before.debug1.txt'), leak('after.debug1.txt')]);
    checkAgainstTruth(d, before, after, false);
    assert.deepEqual(d.sites[0]!.states, {}, 'debug=1 has no states');
  });

  it('debug=1 before vs traceback after: mixed formats still match', () => {
    const d = runJson<DiffJson>(['diff', leak('before.debug1.txt'), leak('after.txt')]);
    checkAgainstTruth(d, before, after, false);
    // The main goroutine (runtime.main in debug=1, hidden in traceback text) is one site, not vanished + new.
    assert.equal(d.sites.length, after.sites.length + 1);
  });

  it('traceback before vs debug=1 after', () => {
    const d = runJson<DiffJson>(['diff', leak('before.txt'), leak('after.debug1.txt')]);
    checkAgainstTruth(d, before, after, false);
  });

  it('the text report puts the watcher on top with before → after and Δ', () => {
    const r = runCli(['diff', leak('before.txt'), leak('after.txt')]);
    assert.equal(r.code, 0, r.stderr);
    const w = truthSite(after, 'watcher');
    const wb = truthSite(before, 'watcher');
    assert.match(r.stdout, new RegExp(`^\\S*before\\.txt → \\S*after\\.txt: ${before.numGoroutine} → ${after.numGoroutine} goroutines`, 'm'));
    const rows = r.stdout.split('\n').filter((l) => /^\s+\d+\s+\d+\s+[+-]?\d+/.test(l));
    assert.match(rows[0]!, new RegExp(`^\\s+${wb.count}\\s+${w.count}\\s+\\+${w.count - wb.count}\\s.*${w.state} \\+${w.count - wb.count}.*main\\.watchZkName`));
  });
});

describe('diff over a series (series-1..3)', () => {
  const truths = [1, 2, 3].map((i) => truthOf(`series-${i}`));
  const d = runJson<DiffJson>(['diff', ...[1, 2, 3].map((i) => leak(`series-${i}.txt`))]);

  it('counts per snapshot are the recorded ones', () => {
    for (const t of truths[0]!.sites) {
      const s = siteFor(d, t);
      assert.deepEqual(s.counts, truths.map((x) => truthSite(x, t.scenario).count), t.scenario);
    }
    assert.deepEqual(d.totals.counts, truths.map((t) => t.numGoroutine));
  });

  it('flags the watcher as growing in every interval, and not the batch job that rose and fell', () => {
    const watcher = siteFor(d, truthSite(truths[0]!, 'watcher'));
    const batch = siteFor(d, truthSite(truths[0]!, 'batch'));
    const batchCounts = truths.map((t) => truthSite(t, 'batch').count);
    assert.ok(batchCounts[1]! > batchCounts[0]! && batchCounts[2]! < batchCounts[1]!, 'the fixture rose then fell');
    assert.equal(watcher.monotonic, true);
    assert.equal(batch.monotonic, false);
    assert.equal(d.sites.filter((s) => s.monotonic).length, 1, 'only the watcher');
  });

  it('shows the series with a sparkline, the flag and growth per hour from --times', () => {
    const r = runCli(['diff', ...[1, 2, 3].map((i) => leak(`series-${i}.txt`)), '--times', '0,1h,2h']);
    assert.equal(r.code, 0, r.stderr);
    const counts = truths.map((t) => truthSite(t, 'watcher').count);
    const perHour = (counts[2]! - counts[0]!) / 2;
    // The table's row, not the likely-leaks line above the table.
    const row = r.stdout.split('\n').find((l) => l.includes('main.watchZkName') && !l.startsWith('  ! '));
    assert.ok(row);
    assert.match(row, new RegExp(`${counts.join(' ')}\\s+[▁-█]{3} ↑ every interval\\s+\\+${counts[2]! - counts[0]!}.*\\+${perHour}/h`));
  });
});

describe('diff across builds whose lines moved (after vs shifted-after)', () => {
  const after = truthOf('after');
  const shifted = truthOf('shifted-after');

  for (const [label, file] of [['traceback', 'shifted-after.txt'], ['debug=1', 'shifted-after.debug1.txt']] as const) {
    it(`${label}: every scenario site is matched, not reported as vanished + new`, () => {
      const d = runJson<DiffJson>(['diff', leak('after.txt'), leak(file)]);
      for (const t of shifted.sites) {
        const a = truthSite(after, t.scenario);
        assert.notEqual(a.goLine, t.goLine, 'the fixture did move the go statement');
        const s = siteFor(d, t);
        assert.equal(s.before, a.count, t.scenario);
        assert.equal(s.after, t.count, t.scenario);
        assert.equal(s.status, 'same', t.scenario);
        if (label === 'traceback') {
          assert.equal(s.moved, true, t.scenario);
          assert.equal(s.createdBy?.line, t.goLine, 'the later build\'s go statement');
        }
      }
    });
  }

  it('shows what changed in the moved stack: the go statement line, old and new', () => {
    const r = runCli(['diff', leak('after.txt'), leak('shifted-after.txt'), '--stacks', '1']);
    assert.equal(r.code, 0, r.stderr);
    const w = truthSite(shifted, 'watcher');
    const old = String(truthSite(after, 'watcher').goLine);
    const now = String(w.goLine);
    const at = r.stdout.indexOf('Moved between builds');
    assert.ok(at > 0, r.stdout);
    const creator = r.stdout.slice(at).split('\n').find((l) => l.includes(`created by ${w.createdBy}`));
    assert.ok(creator, r.stdout);
    // wdiff markers without colour: the common prefix, then [-old digits-]{+new digits+}.
    const m = /:(\d*)\[-(\d+)-\]\{\+(\d+)\+\}/.exec(creator);
    assert.ok(m, creator);
    assert.equal(m[1]! + m[2]!, old);
    assert.equal(m[1]! + m[3]!, now);
  });
});

describe('diff --fail-on-growth (CI mode)', () => {
  const growth = truthSite(truthOf('after'), 'watcher').count - truthSite(truthOf('before'), 'watcher').count;
  const files = [leak('before.txt'), leak('after.txt')];

  it('exits 1 and names the sites that grew by more than N', () => {
    const r = runCli(['diff', ...files, '--fail-on-growth', String(growth - 1)]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /1 site grew by more than/);
    assert.match(r.stderr, new RegExp(`\\+${growth}\\s.*main\\.watchZkName`));
  });

  it('exits 0 when no site grew by more than N', () => {
    assert.equal(runCli(['diff', ...files, '--fail-on-growth', String(growth)]).code, 0);
  });

  it('--ignore-site leaves a known site out of the check and the report', () => {
    const r = runCli(['diff', ...files, '--fail-on-growth', '0', '--ignore-site', 'watchZk']);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /watchZkName/);
    assert.match(r.stdout, /1 ignored/);
  });

  it('usage errors exit 2: one snapshot, a bad regex, a bad --by', () => {
    assert.equal(runCli(['diff', files[0]!]).code, 2);
    assert.equal(runCli(['diff', ...files, '--ignore-site', '(']).code, 2);
    assert.equal(runCli(['diff', ...files, '--by', 'state']).code, 2);
    assert.equal(runCli(['diff', ...files, '--times', '0,1h,2h']).code, 2);
  });

  it('a missing input exits 4 with its name', () => {
    const r = runCli(['diff', files[0]!, leak('no-such-file.txt')]);
    assert.equal(r.code, 4);
    assert.match(r.stderr, /no-such-file\.txt/);
  });
});

describe('heap diff (heap-before → heap-after)', () => {
  const before = truthOf('before');
  const after = truthOf('after');
  const bufferOf = (t: Truth): { function: string; file: string; line: number; inuseBytes: number; inuseObjects: number } =>
    (t.heap as { sites: { function: string; file: string; line: number; inuseBytes: number; inuseObjects: number }[] }).sites[0]!;

  it('ranks the watcher buffer site first with the exact in-use byte delta the program recorded', () => {
    const d = runJson<DiffJson & { sample: string }>(['diff', leak('heap-before.txt'), leak('heap-after.txt')]);
    const b = bufferOf(before);
    const a = bufferOf(after);
    assert.equal(d.kind, 'heap');
    assert.equal(d.sample, 'inuse_space');
    const top = d.sites[0]! as DiffSiteJson & { bytes: number[]; objects: number[] };
    assert.equal(top.entry !== null, true);
    assert.match(top.key, new RegExp(`^${a.function.replace(/[.()*]/g, '\\$&')} \\S*/${a.file}:${a.line}$`));
    assert.equal(top.delta, a.inuseBytes - b.inuseBytes);
    assert.deepEqual(top.bytes, [b.inuseBytes, a.inuseBytes]);
    assert.deepEqual(top.objects, [b.inuseObjects, a.inuseObjects]);
  });

  it('--sample inuse_objects compares objects, and --fail-on-growth counts bytes', () => {
    const d = runJson<DiffJson>(['diff', leak('heap-before.txt'), leak('heap-after.txt'), '--sample', 'inuse_objects']);
    const buffer = d.sites.filter((s) => s.key.startsWith(`${bufferOf(after).function} `));
    assert.equal(buffer.length, 1);
    assert.equal(buffer[0]!.delta, bufferOf(after).inuseObjects - bufferOf(before).inuseObjects);
    const growth = bufferOf(after).inuseBytes - bufferOf(before).inuseBytes;
    const r = runCli(['diff', leak('heap-before.txt'), leak('heap-after.txt'), '--fail-on-growth', String(growth - 1)]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /main\.newWatchBuffer/);
    assert.equal(runCli(['diff', leak('heap-before.txt'), leak('heap-after.txt'), '--fail-on-growth', String(growth)]).code, 0);
  });

  it('refuses to compare a heap profile with a goroutine dump (exit 2)', () => {
    const r = runCli(['diff', leak('heap-before.txt'), leak('after.txt')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /heap-before\.txt \(heap\)/);
  });
});
