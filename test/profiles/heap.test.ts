/**
 * Heap and allocs profiles against what the fixture program recorded
 * (fixtures/profiles/profiles.truth.json, MemProfileRate=1: exact values),
 * MemStats against the file's own lines, sampled heaps against the runtime's
 * raw counts, and the legacy heap of google/pprof's testdata.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseDump } from '../../grammar/parse.js';
import { heapSites } from '../../src/analysis/heap.js';
import { runCli, runJson } from '../helpers/cli.js';
import type { SnapshotJson } from '../helpers/json.js';
import { fixture, HAS_REALWORLD, REALWORLD } from '../helpers/paths.js';
import type { HeapTruthSite } from '../helpers/truth.js';
import { ofKind } from '../helpers/snapshots.js';

interface ProfilesTruth {
  memProfileRate: number;
  heapSites: HeapTruthSite[];
  sampled: { memProfileRate: number; heapSites: HeapTruthSite[] };
}

const truth = JSON.parse(readFileSync(fixture('profiles', 'profiles.truth.json'), 'utf8')) as ProfilesTruth;

interface HeapGroupJson {
  key: string;
  top: { function: string; file: string; line: number } | null;
  frames: { function: string; file: string; line: number }[];
  inuseBytes: number;
  inuseObjects: number;
  allocBytes: number;
  allocObjects: number;
}

type HeapJson = SnapshotJson & {
  sampleRate: number;
  estimated: boolean;
  kindFrom: string;
  header: { inuseObjects: number; inuseBytes: number } | null;
  memStats: Record<string, number>;
  memStatsLists: Record<string, number[]>;
};

function heapJson(file: string, ...args: string[]): HeapJson {
  return runJson<HeapJson>([file, '--group-by', 'top', '--top', '0', ...args]);
}

/** The group of a truth site: its allocating function at its file (base name) and line. */
function siteGroup(out: HeapJson, site: HeapTruthSite): HeapGroupJson | undefined {
  return (out.groups as unknown as HeapGroupJson[]).find(
    (g) => g.top !== null && g.top.function === site.function && path.basename(g.top.file) === site.file && g.top.line === site.line,
  );
}

const EXACT = [
  ['heap.debug1.txt', 'heap'],
  ['heap.pb.gz', 'heap'],
  ['allocs.debug1.txt', 'allocs'],
  ['allocs.pb.gz', 'allocs'],
] as const;

describe('heap and allocs: every known site exactly as the program recorded (MemProfileRate=1)', () => {
  assert.equal(truth.memProfileRate, 1);
  for (const [name, format] of EXACT) {
    it(`${name}: format ${format}, exact in-use and allocated bytes and objects at each site`, () => {
      const out = heapJson(fixture('profiles', name));
      assert.equal(out.format, format);
      assert.equal(out.sampleRate, 1);
      assert.equal(out.estimated, false);
      assert.deepEqual(out.warnings, []);
      for (const site of truth.heapSites) {
        const g = siteGroup(out, site);
        assert.ok(g, `${name}: no group for ${site.function} ${site.file}:${site.line}`);
        assert.deepEqual(
          { inuseBytes: g.inuseBytes, inuseObjects: g.inuseObjects, allocBytes: g.allocBytes, allocObjects: g.allocObjects },
          { inuseBytes: site.inuseBytes, inuseObjects: site.inuseObjects, allocBytes: site.allocBytes, allocObjects: site.allocObjects },
          `${name}: ${site.function}`,
        );
      }
    });
  }

  it('text: the kind comes from the input name, and is said to (heap and allocs text look the same)', () => {
    const text = readFileSync(fixture('profiles', 'allocs.debug1.txt'));
    const piped = runJson<HeapJson>(['-'], { input: text });
    assert.equal(piped.format, 'heap');
    assert.equal(piped.kindFrom, 'default');
    const report = runCli(['-', '--top', '1', '--stacks', '0'], { input: text });
    assert.match(report.stdout, /the text does not say heap or allocs; taken as heap/);
    assert.equal(heapJson(fixture('profiles', 'allocs.debug1.txt')).kindFrom, 'input-name');
    assert.equal(heapJson(fixture('profiles', 'allocs.pb.gz')).kindFrom, 'sample-type');
  });

  it('--sample picks the sort key; defaults are inuse_space for heap, alloc_space for allocs', () => {
    const [leaky, small, temp] = truth.heapSites;
    const first = (file: string, ...args: string[]): HeapGroupJson => heapJson(fixture('profiles', file), ...args).groups[0] as unknown as HeapGroupJson;
    assert.equal(first('heap.debug1.txt').top?.function, leaky!.function);
    assert.equal(first('allocs.debug1.txt').top?.function, temp!.function);
    assert.equal(first('heap.debug1.txt', '--sample', 'inuse_objects').top?.function, small!.function);
    assert.equal(first('heap.debug1.txt', '--sample', 'alloc_space').top?.function, temp!.function);
    const bad = runCli([fixture('profiles', 'heap.debug1.txt'), '--sample', 'bytes']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--sample: expected inuse_space, inuse_objects, alloc_space, alloc_objects/);
  });

  it('the text report prints human-readable sizes and the MemStats summary', () => {
    const r = runCli([fixture('profiles', 'heap.debug1.txt'), '--top', '3', '--stacks', '1']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /256 KiB +64 +256 KiB +64 +main\.allocLeakyBuffers +main\.go:160/);
    assert.match(r.stdout, /runtime\.MemStats/);
    assert.match(r.stdout, /HeapInuse 1\.3 MiB/);
    assert.doesNotMatch(r.stdout, /estimates/);
  });
});

/** Reads the MemStats block of a file the plain way: `# Name = value` per line. */
function memStatsLines(text: string): { numbers: Record<string, number>; lists: Record<string, number[]>; lines: number } {
  const block = text.slice(text.indexOf('# runtime.MemStats\n') + '# runtime.MemStats\n'.length).split('\n').filter((l) => l !== '');
  const numbers: Record<string, number> = {};
  const lists: Record<string, number[]> = {};
  for (const line of block) {
    const [, name, value] = /^# (\w+) = (.*)$/.exec(line)!;
    if (value!.startsWith('[')) lists[name!] = value!.slice(1, -1).trim().split(' ').map(Number);
    else if (value!.includes(' / ')) [numbers[name! + 'Inuse'], numbers[name! + 'Sys']] = value!.split(' / ').map(Number) as [number, number];
    else numbers[name!] = value === 'false' ? 0 : value === 'true' ? 1 : Number(value);
  }
  return { numbers, lists, lines: block.length };
}

describe('MemStats: every line of the block read, values equal the file', () => {
  for (const name of ['heap.debug1.txt', 'allocs.debug1.txt', 'heap-sampled.debug1.txt']) {
    it(name, () => {
      const file = fixture('profiles', name);
      const expected = memStatsLines(readFileSync(file, 'utf8'));
      const out = heapJson(file);
      assert.deepEqual(out.memStats, expected.numbers);
      assert.deepEqual(out.memStatsLists, expected.lists);
      assert.ok(expected.lines >= 27, `only ${expected.lines} MemStats lines in ${name}`);
      assert.equal(out.memStats.GCCPUFraction! > 0 && out.memStats.GCCPUFraction! < 1, true, 'GCCPUFraction is a fraction');
      assert.equal(out.memStats.DebugGC, 0);
      assert.equal(out.skipped, 0, 'no line of the file was passed over');
    });
  }
});

describe('sampled heap (MemProfileRate=524288)', () => {
  const rate = truth.sampled.memProfileRate;

  it('debug=1 text: the raw records per site are the runtime\'s unscaled counts', () => {
    const r = parseDump(readFileSync(fixture('profiles', 'heap-sampled.debug1.txt'), 'utf8'));
    const s = ofKind(r.snapshots[0], 'heap');
    assert.equal(s.heap.sampleRate, rate);
    for (const site of truth.sampled.heapSites) {
      const raw = { inuseBytes: 0, inuseObjects: 0, allocBytes: 0, allocObjects: 0, records: 0 };
      for (const rec of s.heap.records) {
        if (rec.frames[0]?.func.full !== site.function || rec.frames[0].line !== site.line) continue;
        raw.inuseBytes += rec.inuseBytes;
        raw.inuseObjects += rec.inuseObjects;
        raw.allocBytes += rec.allocBytes;
        raw.allocObjects += rec.allocObjects;
        raw.records++;
      }
      assert.deepEqual(raw, site.rawFromRuntime, site.function);
    }
  });

  it('text scaled by gdump equals the proto the runtime scaled, site by site; both say they are estimates', () => {
    const text = heapJson(fixture('profiles', 'heap-sampled.debug1.txt'));
    const proto = heapJson(fixture('profiles', 'heap-sampled.pb.gz'));
    for (const out of [text, proto]) {
      assert.equal(out.sampleRate, rate);
      assert.equal(out.estimated, true);
    }
    for (const site of truth.sampled.heapSites) {
      const a = siteGroup(text, site);
      const b = siteGroup(proto, site);
      assert.ok(a && b, site.function);
      assert.deepEqual([a.inuseBytes, a.inuseObjects, a.allocBytes, a.allocObjects], [b.inuseBytes, b.inuseObjects, b.allocBytes, b.allocObjects], site.function);
      // An estimate, not the raw sample: scaling moves it toward what was really allocated.
      assert.ok(a.allocBytes > site.rawFromRuntime!.allocBytes, site.function);
    }
    assert.match(runCli([fixture('profiles', 'heap-sampled.debug1.txt')]).stdout, /estimates: sampled about every 512 KiB allocated \(MemProfileRate=524288\)/);
  });

  it('heapSites (the diff API) gives the same scaled values as the JSON', () => {
    const r = parseDump(readFileSync(fixture('profiles', 'heap-sampled.debug1.txt'), 'utf8'));
    const sites = heapSites(ofKind(r.snapshots[0], 'heap'), { by: 'top' });
    const json = heapJson(fixture('profiles', 'heap-sampled.debug1.txt'));
    assert.deepEqual(
      sites.map((s) => [s.key, s.inuseBytes, s.inuseObjects, s.allocBytes, s.allocObjects]),
      (json.groups as unknown as HeapGroupJson[]).map((g) => [g.key, g.inuseBytes, g.inuseObjects, g.allocBytes, g.allocObjects]),
    );
  });
});

describe('real-world profiles (../shared/realworld)', { skip: HAS_REALWORLD ? false : 'no ../shared/realworld next to the checkout: skipping real-world profile tests' }, () => {
  it('google-pprof-gobench.heap: legacy heap without # lines; in-use records add up to the header 13 / 1595680', () => {
    const file = path.join(REALWORLD, 'google-pprof-gobench.heap');
    const r = parseDump(readFileSync(file, 'utf8'));
    assert.equal(r.snapshots.length, 1);
    const h = ofKind(r.snapshots[0], 'heap').heap;
    assert.equal(h.records.length, 15);
    assert.equal(h.records.reduce((a, rec) => a + rec.inuseObjects, 0), 13);
    assert.equal(h.records.reduce((a, rec) => a + rec.inuseBytes, 0), 1595680);
    const out = runJson<HeapJson>([file, '--group-by', 'stack', '--top', '0']);
    assert.deepEqual(out.header, { inuseObjects: 13, inuseBytes: 1595680, allocObjects: 47130736, allocBytes: 2584596557304 });
    assert.deepEqual(out.warnings, []);
    assert.equal(out.sampleRate, 524288);
    assert.equal(out.estimated, true);
    // The empty-stack record `1: 288 [2: 296] @` is kept, as its own group.
    assert.ok((out.groups as unknown as HeapGroupJson[]).some((g) => g.frames.length === 0 && g.inuseObjects > 0));
    assert.equal(out.groups.length, 15, 'the pcs keep stacks without # lines apart');
  });

  it('google-pprof-go.godoc.thread: threadcreate total 7', () => {
    const out = runJson([path.join(REALWORLD, 'google-pprof-go.godoc.thread')]);
    assert.equal(out.format, 'threadcreate');
    assert.equal(out.total, 7);
    assert.equal((out.groups as { count: number }[]).reduce((a, g) => a + g.count, 0), 7);
  });
});
