/**
 * gdump --json against what the Go programs counted at dump time
 * (fixtures/states, fixtures/crash: *.truth.json). Never against gdump's own
 * earlier output.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runCli, runJson } from '../helpers/cli.js';
import { findSite, snapshotsOf, type OutputJson, type SnapshotJson } from '../helpers/json.js';
import { fixture } from '../helpers/paths.js';
import { readTruth, type Truth, type TruthSite } from '../helpers/truth.js';
import { goroutinesOf } from '../helpers/snapshots.js';

type SiteWithLabels = TruthSite & { labels?: Record<string, string> };

function checkSites(s: SnapshotJson, truth: Truth, options: { states: boolean; labels: boolean; skip?: (site: TruthSite) => boolean }): void {
  for (const site of truth.sites as SiteWithLabels[]) {
    if (options.skip?.(site) === true) continue;
    const hasCreator = s.groups.some((g) => g.createdBy !== null);
    const g = findSite(s, site.entry, hasCreator ? site.goLine : undefined);
    assert.ok(g, `site ${site.scenario} (${site.entry} @ ${site.goFile}:${site.goLine}) not found in ${s.groups.map((x) => x.key).join('; ')}`);
    assert.equal(g.count, site.count, `count of ${site.scenario}`);
    if (hasCreator) {
      assert.equal(g.createdBy!.function, site.createdBy, `creator of ${site.scenario}`);
      assert.equal(path.basename(g.createdBy!.file), site.goFile);
    }
    if (options.states) assert.deepEqual(g.states, { [site.state]: site.count }, `states of ${site.scenario}`);
    if (options.labels && site.labels !== undefined) assert.deepEqual(g.labels, site.labels, `labels of ${site.scenario}`);
  }
}

describe('fixtures/states: every goroutine state, four dump forms of one snapshot', () => {
  const truth = readTruth(fixture('states', 'states.truth.json'));
  for (const dump of truth.dumps ?? []) {
    it(`${dump}: total ${truth.numGoroutine} and every site's count, creator and state`, () => {
      const s = snapshotsOf(runJson<OutputJson>([fixture('states', dump)]))[0]!;
      const debug1 = dump.includes('debug1');
      assert.equal(s.format, debug1 ? 'goroutine-debug1' : 'goroutine');
      assert.equal(s.total, truth.numGoroutine);
      assert.equal(s.groups.reduce((n, g) => n + g.count, 0), truth.numGoroutine);
      assert.deepEqual(s.warnings, []);
      // debug=1 caps stacks at 128 frames (Go 1.23+) with no marker: the deep recursion never reaches its entry there.
      // Plain tracebacks carry no labels; debug=1 and GODEBUG=tracebacklabels=1 dumps do.
      const labels = debug1 || dump.includes('tracebacklabels');
      checkSites(s, truth, { states: !debug1, labels, skip: (site) => debug1 && site.scenario === 'deep' });
    });
  }

  it('header labels (GODEBUG=tracebacklabels=1) group like pprof labels', () => {
    const s = snapshotsOf(runJson<OutputJson>([fixture('states', 'states.tracebacklabels.stack.txt'), '--group-by', 'label:worker']))[0]!;
    const sites = truth.sites as SiteWithLabels[];
    for (const value of ['a', 'b']) {
      const expected = sites.filter((x) => x.labels?.worker === value).reduce((n, x) => n + x.count, 0);
      assert.ok(expected > 0);
      assert.equal(s.groups.find((g) => g.key === value)?.count, expected, `label worker=${value}`);
    }
  });

  it('locked to thread, syscall, IO wait and elided frames are read from the real dump', async () => {
    const { parseDump } = await import('../../grammar/parse.js');
    const { readFileSync } = await import('node:fs');
    const [snap] = parseDump(readFileSync(fixture('states', 'states.debug2.txt'), 'utf8')).snapshots;
    const locked = truth.sites.find((x) => x.scenario === 'locked' || x.entry === 'main.blockLocked')!;
    const lockedGs = goroutinesOf(snap).filter((g) => g.frames.some((f) => f.func.full === locked.entry));
    assert.equal(lockedGs.length, locked.count);
    assert.ok(lockedGs.every((g) => g.locked));
    const deep = truth.sites.find((x) => x.entry === 'main.blockDeep')!;
    const deepGs = goroutinesOf(snap).filter((g) => g.elidedFrames > 0);
    assert.equal(deepGs.length, deep.count);
  });
});

describe('fixtures/crash: panics, deadlock, SIGQUIT, GOTRACEBACK=system/crash, ancestors', () => {
  const dir = fixture('crash');
  const truths = readdirSync(dir).filter((f) => f.endsWith('.truth.json'));
  assert.ok(truths.length >= 8);
  for (const file of truths) {
    const truth = readTruth(path.join(dir, file)) as Truth & { expect?: string[]; env?: Record<string, string>; mode?: string };
    const dump = truth.dumps![0]!;
    it(`${dump}: the user goroutines' sites, the crash message`, () => {
      const out = runJson<OutputJson>([path.join(dir, dump)]);
      const snapshots = snapshotsOf(out);
      // A crash under GOTRACEBACK=crash may print more than one dump section; the sites are in the biggest.
      const s = snapshots.reduce((a, b) => (b.total > a.total ? b : a));
      const systemLevel = truth.env?.GOTRACEBACK === 'system' || truth.env?.GOTRACEBACK === 'crash' || truth.mode === 'sigquit';
      const printed = truth.sites.reduce((n, x) => n + x.count, 0);
      if (truth.mode === 'panic-single') assert.equal(s.total, 1);
      else if (systemLevel) assert.ok(s.total >= truth.numGoroutine, `${s.total} >= ${truth.numGoroutine}`);
      else assert.equal(s.total, truth.numGoroutine);
      assert.ok(s.total >= printed);
      checkSites(s, truth, { states: true, labels: false });
      const first = truth.expect?.[0];
      if (first !== undefined && first !== '') {
        const messages = snapshots.flatMap((x) => x.messages);
        const head = first.replace(/0x\.\.\..*$/, '');
        assert.ok(messages.some((m) => m.startsWith(head)), `message ${JSON.stringify(first)} in ${JSON.stringify(messages)}`);
      }
    });
  }

  it('multi-line panic values keep their continuation lines', () => {
    const s = snapshotsOf(runJson<OutputJson>([fixture('crash', 'panic-multiline.txt')]))[0]!;
    assert.equal(s.messages[0], 'panic: connection refused\n\tretry 1: timeout\n\tretry 2: timeout [recovered, repanicked]');
  });

  it('the text report names the panic on its first lines', () => {
    const r = runCli([fixture('crash', 'panic.txt')]);
    assert.equal(r.code, 0);
    assert.match(r.stdout.split('\n').slice(0, 3).join('\n'), /panic: crash fixture: worker 7 failed/);
  });
});
