/**
 * Leak suspects against what the fixture programs recorded: the labelled set
 * (fixtures/labelled: leaks and healthy pools, each site labelled by the
 * program that made it) must come out with precision and recall 1.0, and
 * every leaking site of the leak fixtures must be a suspect.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseDump } from '../../grammar/parse.js';
import { classifierFor } from '../../src/analysis/group.js';
import { siteFactsOf } from '../../src/analysis/site-facts.js';
import { snapshotSuspects, type Suspect } from '../../src/analysis/suspects.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { runCli } from '../helpers/cli.js';
import { fixture, HAS_REALWORLD, REALWORLD } from '../helpers/paths.js';
import { readTruth, type TruthSite } from '../helpers/truth.js';

interface LabelledSite extends TruthSite {
  leak: boolean;
  why: string;
}

function snapshotOf(file: string): Snapshot {
  const [s] = parseDump(readFileSync(file, 'utf8')).snapshots;
  assert.ok(s !== undefined, `${file}: no snapshot`);
  return s;
}

function suspectsOf(s: Snapshot): Suspect[] {
  return snapshotSuspects(s, siteFactsOf(s), classifierFor(s));
}

/** A suspect is a truth site when its function, creator and `go` line agree (line 0: a standard-library go statement, not recorded). */
function isSite(x: Suspect, t: TruthSite): boolean {
  return x.entry?.func.full === t.entry && x.createdBy?.func.full === t.createdBy && (t.goLine === 0 || (x.createdBy.line === t.goLine && path.basename(x.createdBy.file) === t.goFile));
}

describe('leak suspects: the labelled set', () => {
  const truth = readTruth(fixture('labelled', 'labelled.truth.json'));
  const sites = truth.sites as LabelledSite[];
  const s = snapshotOf(fixture('labelled', truth.dumps![0]!));
  const suspects = suspectsOf(s);

  it('precision and recall are 1.0 (printed), over every labelled site', () => {
    const leaks = sites.filter((t) => t.leak);
    const found = leaks.filter((t) => suspects.some((x) => isSite(x, t)));
    const right = suspects.filter((x) => sites.some((t) => t.leak && isSite(x, t)));
    const precision = suspects.length === 0 ? 1 : right.length / suspects.length;
    const recall = found.length / leaks.length;
    console.log(`labelled set (${sites.length} sites, ${leaks.length} leaking, ${s.total} goroutines): precision ${precision.toFixed(2)} (${right.length}/${suspects.length}), recall ${recall.toFixed(2)} (${found.length}/${leaks.length})`);
    const missed = leaks.filter((t) => !found.includes(t)).map((t) => `${t.entry} (${t.why})`);
    const wrong = suspects.filter((x) => !right.includes(x)).map((x) => `${x.key}: ${x.reasons.join('; ')}`);
    assert.deepEqual({ missed, wrong }, { missed: [], wrong: [] });
    assert.equal(precision, 1);
    assert.equal(recall, 1);
  });

  it('each reason is a fact from the dump: counts, states and the creator named', () => {
    const watchers = suspects.find((x) => x.entry?.func.full === 'main.watchName')!;
    const t = sites.find((x) => x.entry === 'main.watchName')!;
    assert.equal(watchers.evidence.count, t.count);
    assert.match(watchers.reasons[0]!, new RegExp(`^${t.count} goroutines \\(`));
    assert.match(watchers.reasons[1]!, /chan receive with no timeout; 8 started by goroutine \d+ \(main\.tickLoop\), which keeps running/);
    const senders = suspects.find((x) => x.entry?.func.full === 'main.compute')!;
    assert.equal(senders.evidence.creators.exited, sites.find((x) => x.entry === 'main.compute')!.count);
  });

  it('--json carries the suspects with their evidence, and the report lists them above the table', () => {
    const r = runCli([fixture('labelled', 'labelled.debug2.txt'), '--json']);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { suspects: { key: string; reasons: string[]; evidence: { count: number } }[]; groups: { key: string }[] };
    assert.deepEqual(json.suspects.map((x) => x.key), suspects.map((x) => x.key));
    for (const x of json.suspects) assert.ok(json.groups.some((g) => g.key === x.key), `${x.key} is a group key too`);
    const text = runCli([fixture('labelled', 'labelled.debug2.txt')]).stdout;
    const leaks = text.indexOf('Likely leaks (5)');
    assert.ok(leaks > 0 && leaks < text.indexOf('COUNT  SHARE'), text.slice(0, 600));
  });
});

describe('leak suspects: the leak fixtures', () => {
  for (const name of ['before', 'after', 'series-1', 'series-2', 'series-3', 'shifted-after']) {
    it(`${name}: the watchers (the leak) are a suspect, the worker pool is not`, () => {
      const truth = readTruth(fixture('leak', `${name}.truth.json`));
      const suspects = suspectsOf(snapshotOf(fixture('leak', `${name}.txt`)));
      const watcher = truth.sites.find((t) => t.scenario === 'watcher')!;
      assert.ok(suspects.some((x) => isSite(x, watcher)), suspects.map((x) => x.key).join('\n'));
      const pool = truth.sites.find((t) => t.scenario === 'worker')!;
      assert.ok(!suspects.some((x) => isSite(x, pool)), 'the worker pool shares its jobs channel: not a suspect');
    });
  }

  it('goroutineleak profile: every leaked site of the program is a suspect, in both the debug=1 and debug=2 forms', () => {
    const truth = JSON.parse(readFileSync(fixture('profiles', 'profiles.truth.json'), 'utf8')) as { leaked: { sites: (TruthSite & { leaked: boolean })[] } };
    const leaked = truth.leaked.sites.filter((t) => t.leaked);
    const debug2 = suspectsOf(snapshotOf(fixture('profiles', 'goroutineleak.debug2.txt')));
    for (const t of leaked) assert.ok(debug2.some((x) => isSite(x, t) && x.verdict === 'leaked-flag'), `${t.entry} flagged (leaked)`);
    const debug1 = suspectsOf(snapshotOf(fixture('profiles', 'goroutineleak.debug1.txt')));
    assert.deepEqual(debug1.map((x) => x.entry?.func.full).sort(), leaked.map((t) => t.entry).sort());
  });
});

describe('leak suspects: real-world dumps', { skip: HAS_REALWORLD ? false : `${REALWORLD} is absent: skipping real-world dumps` }, () => {
  it('an HTTP client and server with keep-alive connections (uber-go/goleak testdata) have no suspects', () => {
    for (const f of ['uber-go-goleak-http.txt', 'uber-go-goleak-http.go1.20.txt', 'uber-go-goleak-http.tracebackancestors.txt', 'felixge-go-profiler-notes-2.net.http.pprof.goroutine.debug2.txt']) {
      assert.deepEqual(suspectsOf(snapshotOf(path.join(REALWORLD, f))).map((x) => x.key), [], f);
    }
  });
});

describe('leak suspects: a diff series', () => {
  it('gdump diff of three snapshots: the watchers grew in every interval, a fact of their suspect; batchJob, which rose and fell, is not one', () => {
    const files = ['series-1', 'series-2', 'series-3'].map((n) => fixture('leak', `${n}.txt`));
    const counts = ['series-1', 'series-2', 'series-3'].map((n) => readTruth(fixture('leak', `${n}.truth.json`)).sites.find((t) => t.scenario === 'watcher')!.count);
    const r = runCli(['diff', ...files, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { suspects: { key: string; entry: { function: string }; verdict: string; reasons: string[] }[] };
    assert.deepEqual(json.suspects.map((x) => [x.entry.function, x.verdict]), [['main.watchZkName', 'growing']]);
    assert.equal(json.suspects[0]!.reasons[1], `grew in every interval of the series: ${counts.join(' → ')}`);
  });
});

describe('leak suspects: a deadlock', () => {
  it('fatal error: all goroutines are asleep: every site the crash program parked is a suspect, main included', () => {
    const truth = readTruth(fixture('crash', 'deadlock.truth.json'));
    const suspects = suspectsOf(snapshotOf(fixture('crash', 'deadlock.txt')));
    for (const t of truth.sites) assert.ok(suspects.some((x) => isSite(x, t) && x.verdict === 'never-wakes'), `${t.entry} (${t.state})`);
    assert.ok(suspects.some((x) => x.entry?.func.full === 'main.main'), 'main, parked in chan receive, is part of the deadlock');
    assert.equal(suspects.length, truth.sites.length + 1);
  });
});
