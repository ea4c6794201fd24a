/**
 * The same snapshot fetched as debug=1 text and as debug=0 proto gives the
 * same --json groups, and the contention profiles hold the events the
 * program caused (fixtures/profiles/profiles.truth.json).
 *
 * The two forms were fetched one after the other, so records that changed in
 * between are expected to differ: heap buckets created after the last GC
 * (all-zero values: left out), and block waits of the HTTP client that did
 * the fetching (only the program's own sites are compared for block).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runJson } from '../helpers/cli.js';
import type { GroupJson, SnapshotJson } from '../helpers/json.js';
import { fixture } from '../helpers/paths.js';

type Values = Record<string, number | null>;

/** What each profile's groups carry; the fields both forms have. */
const VALUE_FIELDS: Record<string, string[]> = {
  heap: ['inuseBytes', 'inuseObjects', 'allocBytes', 'allocObjects'],
  allocs: ['inuseBytes', 'inuseObjects', 'allocBytes', 'allocObjects'],
  mutex: ['contentions', 'delaySeconds'],
  block: ['contentions', 'delaySeconds'],
  'goroutine-debug1': ['count'],
  goroutineleak: ['count'],
  threadcreate: ['count'],
};

function groupsOf(file: string, groupBy: string): { format: string; groups: Map<string, { values: Values; frames: unknown }> } {
  const out = runJson<SnapshotJson>([fixture('profiles', file), '--group-by', groupBy, '--top', '0']);
  assert.deepEqual(out.warnings, [], `${file}: warnings`);
  const fields = VALUE_FIELDS[out.format];
  assert.ok(fields, `${file}: unexpected format ${out.format}`);
  const groups = new Map<string, { values: Values; frames: unknown }>();
  for (const g of out.groups as GroupJson[]) {
    const values: Values = {};
    for (const f of fields) values[f] = g[f] as number | null;
    if (fields.every((f) => values[f] === 0)) continue;
    groups.set(g.key, { values, frames: g.frames });
  }
  return { format: out.format, groups };
}

/** Delay is cycles/(cycles per second) in text and whole nanoseconds in the proto: equal to a nanosecond or so. */
function sameValues(a: Values, b: Values, what: string): void {
  for (const [k, v] of Object.entries(a)) {
    if (k === 'delaySeconds') assert.ok(Math.abs((v ?? NaN) - (b[k] ?? NaN)) < 1e-6, `${what}: ${k} ${v} vs ${b[k]}`);
    else assert.equal(b[k], v, `${what}: ${k}`);
  }
}

describe('debug=1 text and debug=0 proto of one snapshot give the same groups', () => {
  const cases: [string, string, string][] = [
    ['heap', 'heap', 'stack'],
    ['allocs', 'allocs', 'stack'],
    ['heap-sampled', 'heap', 'stack'],
    ['mutex', 'mutex', 'stack'],
    ['goroutine', 'goroutine-debug1', 'stack'],
    ['goroutineleak', 'goroutineleak', 'stack'],
    ['threadcreate', 'threadcreate', 'stack'],
  ];
  for (const [name, format, groupBy] of cases) {
    it(`${name}: same format, keys, frames and values (by ${groupBy})`, () => {
      const text = groupsOf(`${name}.debug1.txt`, groupBy);
      const proto = groupsOf(`${name}.pb.gz`, groupBy);
      assert.equal(text.format, format);
      assert.equal(proto.format, format);
      assert.ok(text.groups.size > 0);
      assert.deepEqual([...proto.groups.keys()].sort(), [...text.groups.keys()].sort());
      for (const [key, a] of text.groups) {
        const b = proto.groups.get(key)!;
        assert.deepEqual(b.frames, a.frames, key);
        sameValues(a.values, b.values, `${name} ${key.split('\n')[0]}`);
      }
    });
  }

  it('block: the program\'s own sites agree (the fetching HTTP client\'s waits moved between fetches)', () => {
    const text = groupsOf('block.debug1.txt', 'stack');
    const proto = groupsOf('block.pb.gz', 'stack');
    const own = [...text.groups.keys()].filter((k) => /^(sync\.\(\*Mutex\)\.Lock|runtime\.chanrecv1)\(\)/.test(k) && k.split('\n')[1]!.startsWith('main.'));
    assert.ok(own.length >= 2, own.join('\n'));
    for (const key of own) sameValues(text.groups.get(key)!.values, proto.groups.get(key)?.values ?? {}, key.split('\n')[1] ?? key);
  });
});

interface ContentionTruth {
  function: string;
  via: string;
  events: number;
  minTotalDelayNs: number;
}

const contention = (JSON.parse(readFileSync(fixture('profiles', 'profiles.truth.json'), 'utf8')) as { contention: Record<'mutex' | 'block', ContentionTruth[]> }).contention;

describe('block and mutex: the events the program caused, summed per function', () => {
  for (const kind of ['mutex', 'block'] as const) {
    for (const form of ['debug1.txt', 'pb.gz']) {
      it(`${kind}.${form}`, () => {
        const out = runJson<SnapshotJson>([fixture('profiles', `${kind}.${form}`), '--top', '0']);
        assert.equal(out.format, kind);
        for (const site of contention[kind]) {
          // Default grouping is by the first user frame: the function that waited (block) or unlocked (mutex).
          const groups = (out.groups as GroupJson[]).filter((g) => (g.top as { function: string } | null)?.function === site.function);
          const viaSite = groups.filter((g) => g.frames[0]?.function === site.via);
          assert.ok(viaSite.length > 0, `${kind}: no group for ${site.function} via ${site.via}`);
          assert.equal(groups.reduce((a, g) => a + (g.contentions as number), 0), site.events, `${kind}: events of ${site.function}`);
          const delay = groups.reduce((a, g) => a + (g.delaySeconds as number), 0);
          assert.ok(delay * 1e9 >= site.minTotalDelayNs - 1, `${kind}: ${site.function} delay ${delay}s below ${site.minTotalDelayNs}ns`);
        }
      });
    }
  }
});
