/**
 * The grouper (src/analysis/group.ts) on real dumps: the counts per `go`
 * statement that the fixture programs recorded at dump time are the groups
 * it must find, from traceback text and from debug=1 records alike.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { classifierFor, Grouper, groupKey, groupSnapshot, matchesFilter } from '../../src/analysis/group.js';
import { membersOf } from '../../src/analysis/members.js';
import { readText } from '../../src/input/pipeline.js';
import { holdsGoroutines, type GoroutineSnapshot } from '../../src/model/snapshot.js';
import { fixture } from '../helpers/paths.js';
import { readTruth } from '../helpers/truth.js';

function snapshotOf(...parts: string[]): GoroutineSnapshot {
  const { result } = readText(readFileSync(fixture(...parts), 'utf8'));
  assert.equal(result.snapshots.length, 1);
  const s = result.snapshots[0]!;
  assert.ok(holdsGoroutines(s), `${parts.join('/')} is a goroutine dump`);
  return s;
}

/** `entry ← createdBy` of each truth site, with its count. */
function truthSites(...parts: string[]): Map<string, number> {
  return new Map(readTruth(fixture(...parts)).sites.map((s) => [`${s.entry} ← ${s.createdBy}`, s.count]));
}

describe('grouping by site', () => {
  it('finds one group per go statement, with the counts the program recorded (traceback text)', () => {
    const s = snapshotOf('leak', 'after.txt');
    const groups = groupSnapshot(s, { by: 'site' });
    const truth = truthSites('leak', 'after.truth.json');
    for (const [site, count] of truth) {
      const [entry, creator] = site.split(' ← ');
      const g = groups.find((x) => x.representative.frames.at(-1)?.func.full === entry && x.representative.createdBy?.func.full === creator);
      assert.ok(g !== undefined, site);
      assert.equal(g.count, count, site);
      assert.equal(g.ids.length, count, `${site}: one id per goroutine`);
    }
    assert.equal(groups.reduce((n, g) => n + g.count, 0), readTruth(fixture('leak', 'after.truth.json')).numGoroutine);
  });

  it('gives the same counts from debug=1 records of the same moment', () => {
    const text = groupSnapshot(snapshotOf('leak', 'after.txt'), { by: 'top' }).map((g) => g.count).sort((a, b) => b - a);
    const debug1 = groupSnapshot(snapshotOf('leak', 'after.debug1.txt'), { by: 'top' }).map((g) => g.count).sort((a, b) => b - a);
    assert.deepEqual(debug1, text);
  });

  it('sorts biggest first, ties by key, and sums states to the count', () => {
    const groups = groupSnapshot(snapshotOf('states', 'states.debug2.txt'), { by: 'site' });
    for (let i = 1; i < groups.length; i++) {
      const [a, b] = [groups[i - 1]!, groups[i]!];
      assert.ok(a.count > b.count || (a.count === b.count && a.key < b.key), `${a.key} before ${b.key}`);
    }
    for (const g of groups) assert.equal([...g.states.values()].reduce((n, c) => n + c, 0), g.count, g.key);
  });
});

describe('grouping by state', () => {
  it('puts each goroutine under its wait reason, as the program recorded it', () => {
    const s = snapshotOf('states', 'states.debug2.txt');
    const byState = new Map(groupSnapshot(s, { by: 'state' }).map((g) => [[...g.states.keys()][0], g.count]));
    const expected = new Map<string, number>();
    for (const site of readTruth(fixture('states', 'states.truth.json')).sites) expected.set(site.state, (expected.get(site.state) ?? 0) + site.count);
    for (const [state, count] of expected) assert.equal(byState.get(state), count, state);
  });
});

describe('the Grouper fed one member at a time', () => {
  it('folds a stream into the groups groupSnapshot makes, keeping members only when asked', () => {
    const s = snapshotOf('leak', 'after.txt');
    const classifier = classifierFor(s);
    const key = groupKey(s, { by: 'stack', similarity: 'pointers' }, classifier);
    const streamed = new Grouper(key);
    const kept = new Grouper(key, true);
    for (const m of membersOf(s)) {
      streamed.add(m);
      kept.add(m);
    }
    const expected = groupSnapshot(s, { by: 'stack', similarity: 'pointers' });
    assert.deepEqual(streamed.result().map((g) => [g.key, g.count]), expected.map((g) => [g.key, g.count]));
    assert.ok(streamed.result().every((g) => g.members.length === 0));
    assert.ok(kept.result().every((g) => g.members.length === g.count));
  });

  it('tells pointer-only differences apart only at --similarity exact', () => {
    const s = snapshotOf('leak', 'after.txt');
    const exact = groupSnapshot(s, { by: 'stack', similarity: 'exact' }).length;
    const pointers = groupSnapshot(s, { by: 'stack', similarity: 'pointers' }).length;
    const values = groupSnapshot(s, { by: 'stack', similarity: 'values' }).length;
    // The 40 watchers differ in their pointer arguments only.
    assert.ok(exact > pointers, `${exact} exact vs ${pointers} pointer-blind groups`);
    assert.ok(pointers >= values);
  });
});

describe('filters', () => {
  it('focus keeps the goroutines with a matching frame (the creator counts), ignore drops them', () => {
    const s = snapshotOf('leak', 'after.txt');
    const members = [...membersOf(s)];
    const watchers = members.filter((m) => matchesFilter(m, { focus: /^main\.watchZkName$/ }));
    assert.equal(watchers.length, 40);
    assert.equal(members.filter((m) => matchesFilter(m, { focus: /^main\.FetchZkName$/ })).length, 40, 'matched on created by');
    assert.equal(members.filter((m) => matchesFilter(m, { ignore: /^main\.watchZkName$/ })).length, members.length - 40);
    const groups = groupSnapshot(s, { by: 'site', filter: { focus: /watchZkName/ } });
    assert.deepEqual(groups.map((g) => g.count), [40]);
  });
});
