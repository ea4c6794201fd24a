/**
 * Forms the fixture program does not print, written with pprof-format: a
 * goroutine proto with pprof labels (the text form's `# labels:`), and a CPU
 * profile, which gdump does not read.
 */
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { Function as PFunction, Label, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';
import { runCli, runJson } from '../helpers/cli.js';
import type { SnapshotJson } from '../helpers/json.js';

function goroutineProfile(types: [string, string][], samples: { count: number; labels: Record<string, string>; stack: string[] }[]): Buffer {
  const strings = new StringTable();
  const functions = new Map<string, PFunction>();
  const locations: Location[] = [];
  const locationOf = (name: string): number => {
    let fn = functions.get(name);
    if (fn === undefined) {
      fn = new PFunction({ id: functions.size + 1, name: strings.dedup(name), filename: strings.dedup('/srv/app/main.go') });
      functions.set(name, fn);
    }
    const loc = new Location({ id: locations.length + 1, address: 0x1000 + locations.length, line: [new Line({ functionId: fn.id, line: 40 + locations.length })] });
    locations.push(loc);
    return Number(loc.id);
  };
  const sample = samples.map(
    (s) =>
      new Sample({
        value: [s.count],
        locationId: s.stack.map(locationOf),
        label: Object.entries(s.labels).map(([k, v]) => new Label({ key: strings.dedup(k), str: strings.dedup(v) })),
      }),
  );
  const profile = new Profile({
    sampleType: types.map(([t, u]) => new ValueType({ type: strings.dedup(t), unit: strings.dedup(u) })),
    sample,
    location: locations,
    function: [...functions.values()],
    stringTable: strings,
    period: 1,
  });
  return gzipSync(profile.encode());
}

describe('synthetic binary profiles', () => {
  it('goroutine proto: labels become the group labels, runtime leaf frames and goexit are left out as in debug=1 text', () => {
    const bytes = goroutineProfile(
      [['goroutine', 'count']],
      [
        { count: 5, labels: { worker: 'zk' }, stack: ['runtime.gopark', 'runtime.chanrecv1', 'main.fetch', 'main.worker', 'runtime.goexit'] },
        { count: 2, labels: {}, stack: ['runtime.gopark', 'main.idle', 'runtime.goexit'] },
      ],
    );
    const out = runJson<SnapshotJson>(['-', '--group-by', 'stack'], { input: bytes });
    assert.equal(out.format, 'goroutine-debug1');
    assert.equal(out.total, 7);
    const zk = out.groups.find((g) => g.count === 5)!;
    assert.deepEqual(zk.labels, { worker: 'zk' });
    assert.deepEqual(zk.frames.map((f) => f.function), ['main.fetch', 'main.worker']);
    assert.deepEqual(out.groups.find((g) => g.count === 2)!.frames.map((f) => f.function), ['main.idle']);
  });

  it('a CPU profile: exit 3, says what it is and what gdump reads', () => {
    const bytes = goroutineProfile(
      [
        ['samples', 'count'],
        ['cpu', 'nanoseconds'],
      ],
      [],
    );
    const r = runCli(['-'], { input: bytes });
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /^gdump: stdin: a samples\/cpu profile: gdump reads goroutine, threadcreate, goroutineleak, heap, allocs, block and mutex profiles/);
  });
});
