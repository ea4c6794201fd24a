/**
 * --focus and --ignore match the function a goroutine runs or waits in (not
 * any frame: every parked goroutine has runtime.gopark), --state the wait
 * reason, --min-wait the printed age; --sort orders the groups; diff takes
 * the same filters. Counts come from the programs' truth files.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli, runJson } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { readTruth, type TruthSite } from '../helpers/truth.js';

const STATES = fixture('states', 'states.debug2.txt');
const AGED = fixture('aged', 'aged-after.txt');

interface Json {
  total: number;
  groups: { count: number; entry: { function: string } | null; states: Record<string, number>; waitMinutes: { min: number; max: number } | null }[];
}

const kept = (json: Json): number => json.groups.reduce((n, g) => n + g.count, 0);

describe('goroutine filters', () => {
  const truth = readTruth(fixture('states', 'states.truth.json'));

  it("--ignore '^runtime\\.' drops no goroutine of the program (all wait in runtime.gopark)", () => {
    const all = runJson<Json>([STATES]);
    const json = runJson<Json>([STATES, '--ignore', '^runtime\\.']);
    assert.equal(kept(json), kept(all));
    for (const site of truth.sites) assert.ok(json.groups.some((g) => g.entry?.function === site.entry), site.entry);
  });

  it('--focus keeps the goroutines running a function, --ignore drops them', () => {
    const site = truth.sites.find((s) => s.entry === 'main.blockMutex')!;
    assert.equal(kept(runJson<Json>([STATES, '--focus', '^main\\.blockMutex$'])), site.count);
    const all = kept(runJson<Json>([STATES]));
    assert.equal(kept(runJson<Json>([STATES, '--ignore', '^main\\.blockMutex$'])), all - site.count);
    // The waiting function counts too: sync.(*Mutex).Lock is where blockMutex's goroutines wait.
    const waiting = truth.sites.filter((s: TruthSite) => s.state === 'sync.Mutex.Lock').reduce((n, s) => n + s.count, 0);
    assert.equal(kept(runJson<Json>([STATES, '--focus', '^sync\\.\\(\\*Mutex\\)\\.Lock$'])), waiting);
  });

  it('--state keeps the goroutines in a wait reason', () => {
    for (const state of ['IO wait', 'sync.Mutex.Lock', 'select']) {
      const want = truth.sites.filter((s) => s.state === state).reduce((n, s) => n + s.count, 0);
      assert.ok(want > 0, state);
      assert.equal(kept(runJson<Json>([STATES, '--state', `^${state.replace(/\./g, '\\.')}$`])), want, state);
    }
  });

  it('--min-wait keeps the goroutines that had waited that long', () => {
    const sites = readTruth(fixture('aged', 'aged-after.truth.json')).sites as (TruthSite & { waitMinutes: Record<string, number> })[];
    for (const min of [1, 2, 3]) {
      const want = sites.reduce((n, s) => n + Object.entries(s.waitMinutes).reduce((m, [age, count]) => m + (Number(age) >= min ? count : 0), 0), 0);
      assert.equal(kept(runJson<Json>([AGED, '--min-wait', String(min)])), want, `--min-wait ${min}`);
    }
    assert.equal(runCli([AGED, '--min-wait', '-1']).code, 2);
  });

  it('an empty result says why', () => {
    const r = runCli([STATES, '--focus', '^no\\.such\\.function$']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /0 of [\d,]+ goroutines kept: --focus and --ignore match the function a goroutine runs/);
  });

  it('diff takes --focus, --ignore and --state', () => {
    const leak = readTruth(fixture('leak', 'after.truth.json'));
    const before = readTruth(fixture('leak', 'before.truth.json'));
    const watcher = leak.sites.find((s) => s.entry === 'main.watchZkName')!;
    const json = runJson<{ sites: { entry: { function: string } | null; before: number; after: number }[] }>(['diff', fixture('leak', 'before.txt'), fixture('leak', 'after.txt'), '--focus', 'watchZkName']);
    assert.deepEqual(
      json.sites.map((s) => [s.entry?.function, s.before, s.after]),
      [['main.watchZkName', before.sites.find((s) => s.entry === watcher.entry)!.count, watcher.count]],
    );
    const ignored = runJson<{ sites: { entry: { function: string } | null }[] }>(['diff', fixture('leak', 'before.txt'), fixture('leak', 'after.txt'), '--ignore', 'watchZkName', '--state', '.']);
    assert.ok(!ignored.sites.some((s) => s.entry?.function === 'main.watchZkName'));
    assert.ok(ignored.sites.length > 0);
  });
});

describe('--sort', () => {
  it('wait: the longest wait first; name: alphabetical; state: grouped by wait reason', () => {
    const byWait = runJson<Json>([AGED, '--sort', 'wait']).groups;
    const maxima = byWait.map((g) => g.waitMinutes?.max ?? -1);
    assert.deepEqual(maxima, [...maxima].sort((a, b) => b - a));
    const byName = runJson<Json>([STATES, '--sort', 'name']).groups.map((g) => g.entry?.function ?? '');
    assert.deepEqual(byName, [...byName].sort());
    const byState = runJson<Json>([STATES, '--sort', 'state']).groups.map((g) => Object.keys(g.states)[0]!.toLowerCase());
    assert.deepEqual(byState, [...byState].sort());
    assert.equal(runCli([STATES, '--sort', 'size']).code, 2);
  });
});
