/**
 * Numbers and ids of binary profiles, as a hostile or unusual writer sets
 * them: int64 values are signed, uint64 ids exact beyond 2^53, a location
 * id that points nowhere is warned and kept in the stack (a cut stack
 * would land in another site), and a sampling rate beyond reason leaves the
 * totals finite.
 */
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { Function as PFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';
import { runJson } from '../helpers/cli.js';
import type { SnapshotJson } from '../helpers/json.js';

interface Site {
  value: number | bigint;
  /** Location ids, leaf first; a location is made for each id listed in `known`. */
  stack: (number | bigint)[];
}

/** A goroutine profile whose locations are `known` (each its own function main.fN, line `line`). */
function goroutineProto(sites: Site[], known: (number | bigint)[], line: number | bigint = 10): Buffer {
  const strings = new StringTable();
  const functions = known.map((id, i) => new PFunction({ id, name: strings.dedup(`main.f${i}`), filename: strings.dedup('/srv/main.go') }));
  const locations = known.map((id, i) => new Location({ id, address: 0x1000 + i, line: [new Line({ functionId: id, line })] }));
  const profile = new Profile({
    sampleType: [new ValueType({ type: strings.dedup('goroutine'), unit: strings.dedup('count') })],
    sample: sites.map((s) => new Sample({ value: [s.value], locationId: s.stack })),
    location: locations,
    function: functions,
    stringTable: strings,
    period: 1,
  });
  return gzipSync(profile.encode());
}

const warned = (out: SnapshotJson, re: RegExp): boolean => out.warnings.some((w) => re.test(w.message));

describe('binary profile numbers', () => {
  it('an int64 of -5 goroutines is read as 0, with a warning, not as 18,446,744,073,709,552,000', () => {
    const out = runJson<SnapshotJson>(['-'], { input: goroutineProto([{ value: -5, stack: [1] }, { value: 3, stack: [2] }], [1, 2]) });
    assert.equal(out.total, 3);
    assert.ok(warned(out, /1 sample values of the profile are negative: read as 0/), JSON.stringify(out.warnings));
  });

  it('ids above 2^53 stay exact: two locations 1 apart are two frames, nothing is missing', () => {
    const a = 2n ** 60n + 1n;
    const b = 2n ** 60n + 2n;
    const out = runJson<SnapshotJson>(['-', '--group-by', 'stack'], { input: goroutineProto([{ value: 2, stack: [a, b] }], [a, b]) });
    assert.deepEqual(out.groups[0]!.frames.map((f) => f.function), ['main.f0', 'main.f1']);
    assert.equal(out.warnings.length, 0, JSON.stringify(out.warnings));
  });

  it('a location id that points nowhere is warned and kept in the stack, not cut off', () => {
    const out = runJson<SnapshotJson>(['-', '--group-by', 'stack'], { input: goroutineProto([{ value: 1, stack: [1, 99, 2] }], [1, 2]) });
    assert.deepEqual(out.groups[0]!.frames.map((f) => f.function), ['main.f0', '?location-99', 'main.f1']);
    assert.ok(warned(out, /1 location ids in samples point to no location/), JSON.stringify(out.warnings));
  });

  it('a line number beyond 2^31 is read as unknown with a warning, not written back as 1e+29', () => {
    const out = runJson<SnapshotJson>(['-', '--group-by', 'stack'], { input: goroutineProto([{ value: 1, stack: [1] }], [1], 2n ** 62n) });
    assert.equal(out.groups[0]!.frames[0]!.line, 0);
    assert.ok(warned(out, /line numbers of the profile are negative or above 2\^31-1/), JSON.stringify(out.warnings));
  });

  it('a heap text profile with a sampling rate of 400 digits: totals are numbers, not null or Infinity', () => {
    const text = `heap profile: 1: 1024 [1: 1024] @ heap/${'9'.repeat(400)}\n1: 1024 [1: 1024] @ 0x1\n#\t0x1\tmain.alloc+0x1\t/srv/main.go:3\n`;
    const out = runJson<{ totals: Record<string, unknown>; warnings: { message: string }[]; groups: Record<string, unknown>[] }>(['-'], { input: text });
    for (const [k, v] of Object.entries(out.totals)) assert.ok(typeof v === 'number' && Number.isFinite(v), `totals.${k} = ${String(v)}`);
    for (const g of out.groups) for (const k of ['inuseBytes', 'allocBytes']) assert.ok(Number.isFinite(g[k]), `${k} = ${String(g[k])}`);
    assert.ok(out.warnings.some((w) => /sampling rate beyond 2\^53/.test(w.message)), JSON.stringify(out.warnings));
  });
});
