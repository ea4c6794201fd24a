/**
 * --format pprof read back by the real `go tool pprof`: per-function flat
 * and cumulative values and the total equal gdump's own (its --json groups
 * by identical stack), for tracebacks, crash dumps, debug=1, heap, block and
 * mutex inputs; labels arrive as sample labels.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli, runJson } from '../helpers/cli.js';
import { goSkip } from '../helpers/go.js';
import { fixture } from '../helpers/paths.js';
import { readTruth } from '../helpers/truth.js';

const skip = goSkip();
const dir = mkdtempSync(path.join(tmpdir(), 'gdump-pprof-'));
after(() => rmSync(dir, { recursive: true, force: true }));

interface GroupJson {
  count?: number;
  inuseBytes?: number;
  inuseObjects?: number;
  allocBytes?: number;
  allocObjects?: number;
  delaySeconds?: number;
  contentions?: number;
  frames: { function: string }[];
}

interface FunctionValues {
  flat: Map<string, number>;
  cum: Map<string, number>;
  total: number;
}

function exportPprof(input: string): string {
  const out = path.join(dir, `${path.basename(input)}.pb.gz`);
  const r = runCli([input, '--format', 'pprof', '-o', out]);
  assert.equal(r.code, 0, r.stderr);
  return out;
}

/** `go tool pprof -top` with every node kept, parsed: flat and cum per function, and the total. */
function pprofTop(file: string, sampleIndex: string, unit: string): FunctionValues {
  const r = spawnSync('go', ['tool', 'pprof', '-top', '-nodecount=1000000', '-nodefraction=0', '-edgefraction=0', `-sample_index=${sampleIndex}`, `-unit=${unit}`, file], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const num = (s: string) => Number(s.replace(/[a-zA-Z]+$/, ''));
  const total = /of (\S+) total/.exec(r.stdout);
  assert.ok(total, r.stdout);
  const out: FunctionValues = { flat: new Map(), cum: new Map(), total: num(total[1]!) };
  for (const line of r.stdout.split('\n')) {
    const m = /^\s*(\S+)\s+\S+%\s+\S+%\s+(\S+)\s+\S+%\s+(\S+)$/.exec(line);
    if (m === null) continue;
    out.flat.set(m[3]!, num(m[1]!));
    out.cum.set(m[3]!, num(m[2]!));
  }
  return out;
}

/** gdump's own values per function, from its groups of identical stacks. */
function gdumpValues(groups: readonly GroupJson[], value: (g: GroupJson) => number): FunctionValues {
  const out: FunctionValues = { flat: new Map(), cum: new Map(), total: 0 };
  for (const g of groups) {
    const v = value(g);
    out.total += v;
    if (g.frames.length > 0) out.flat.set(g.frames[0]!.function, (out.flat.get(g.frames[0]!.function) ?? 0) + v);
    for (const fn of new Set(g.frames.map((f) => f.function))) out.cum.set(fn, (out.cum.get(fn) ?? 0) + v);
  }
  return out;
}

function assertSame(got: FunctionValues, want: FunctionValues, tolerance = 0): void {
  const close = (a: number, b: number) => Math.abs(a - b) <= tolerance;
  assert.ok(close(got.total, want.total), `total: pprof ${got.total}, gdump ${want.total}`);
  for (const [fn, v] of want.cum) {
    assert.ok(close(got.cum.get(fn) ?? 0, v), `cum of ${fn}: pprof ${got.cum.get(fn)}, gdump ${v}`);
    assert.ok(close(got.flat.get(fn) ?? 0, want.flat.get(fn) ?? 0), `flat of ${fn}: pprof ${got.flat.get(fn)}, gdump ${want.flat.get(fn) ?? 0}`);
  }
  // pprof lists a function whose samples are 0 for this sample type (e.g. freed memory under inuse_space).
  const nonZero = (m: Map<string, number>) => [...m].filter(([, v]) => v !== 0).map(([fn]) => fn).sort();
  assert.deepEqual(nonZero(got.cum), nonZero(want.cum), 'the same functions');
}

function stackGroups(input: string, extra: string[] = []): { total: number; groups: GroupJson[]; totals?: Record<string, number> } {
  return runJson([input, '--group-by', 'stack', '--similarity', 'values', '--top', '0', ...extra]);
}

describe('--format pprof read by go tool pprof', { skip }, () => {
  for (const [name, input, sampleType] of [
    ['traceback (debug=2)', fixture('leak', 'after.txt')],
    ['SIGQUIT crash dump', fixture('crash', 'sigquit.txt')],
    ['panic', fixture('crash', 'panic.txt')],
    ['runtime.Stack capture with labels', fixture('xss', 'xss.tracebacklabels.stack.txt')],
    ['goroutine debug=1', fixture('leak', 'after.debug1.txt')],
    ['goroutine binary profile', fixture('profiles', 'goroutine.pb.gz')],
    ['goroutineleak debug=1', fixture('profiles', 'goroutineleak.debug1.txt'), 'goroutineleak'],
  ] as const) {
    it(`${name}: goroutines per function and in total equal gdump's`, () => {
      const json = stackGroups(input);
      const want = gdumpValues(json.groups, (g) => g.count!);
      assert.equal(want.total, json.total, 'gdump groups cover every goroutine');
      assertSame(pprofTop(exportPprof(input), sampleType ?? 'goroutine', 'count'), want);
    });
  }

  it('heap: the four sample types, each equal to gdump\'s per function; period = MemProfileRate', () => {
    const input = fixture('profiles', 'heap.debug1.txt');
    const json = stackGroups(input);
    const out = exportPprof(input);
    assertSame(pprofTop(out, 'inuse_space', 'B'), gdumpValues(json.groups, (g) => g.inuseBytes!));
    assertSame(pprofTop(out, 'inuse_objects', 'count'), gdumpValues(json.groups, (g) => g.inuseObjects!));
    assertSame(pprofTop(out, 'alloc_space', 'B'), gdumpValues(json.groups, (g) => g.allocBytes!));
    assertSame(pprofTop(out, 'alloc_objects', 'count'), gdumpValues(json.groups, (g) => g.allocObjects!));
    assert.equal(pprofTop(out, 'inuse_space', 'B').total, json.totals!.inuseBytes);
    const raw = spawnSync('go', ['tool', 'pprof', '-raw', out], { encoding: 'utf8' }).stdout;
    assert.match(raw, /^PeriodType: space bytes$/m);
    assert.match(raw, /^alloc_objects\/count alloc_space\/bytes inuse_objects\/count inuse_space\/bytes\[dflt\]$/m);
  });

  it('sampled heap: values scaled as runtime/pprof scales them, equal to gdump\'s estimates', () => {
    const input = fixture('profiles', 'heap-sampled.debug1.txt');
    assertSame(pprofTop(exportPprof(input), 'inuse_space', 'B'), gdumpValues(stackGroups(input).groups, (g) => g.inuseBytes!));
  });

  for (const kind of ['mutex', 'block'] as const) {
    it(`${kind}: delay (ns) and contentions per function equal gdump's`, () => {
      const input = fixture('profiles', `${kind}.debug1.txt`);
      const json = stackGroups(input);
      const out = exportPprof(input);
      // gdump reports seconds; the proto holds whole nanoseconds (one rounding per record).
      assertSame(pprofTop(out, 'delay', 'ns'), gdumpValues(json.groups, (g) => g.delaySeconds! * 1e9), json.groups.length);
      assertSame(pprofTop(out, 'contentions', 'count'), gdumpValues(json.groups, (g) => g.contentions!));
    });
  }

  it('labels are sample labels: go tool pprof -tags counts each label as the program did', () => {
    const truth = readTruth(fixture('xss', 'xss.truth.json')) as unknown as { sites: { count: number; labels: Record<string, string> }[] };
    const r = spawnSync('go', ['tool', 'pprof', '-tags', exportPprof(fixture('xss', 'xss.tracebacklabels.stack.txt'))], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    for (const site of truth.sites) {
      for (const [k, v] of Object.entries(site.labels)) {
        const at = r.stdout.indexOf(`${k}: Total ${site.count} of`);
        assert.ok(at >= 0, `label key ${k} with ${site.count} goroutines in:\n${r.stdout}`);
        assert.ok(r.stdout.includes(`${site.count} (`) && r.stdout.includes(`: ${v}`), `value ${v}`);
      }
    }
  });

  it('-diff_base: two exported dumps compare in pprof, the leak grown by what the programs counted', () => {
    const site = (name: string) => readTruth(fixture('leak', `${name}.truth.json`)).sites.find((t) => t.entry === 'main.watchZkName')!.count;
    const base = exportPprof(fixture('leak', 'before.txt'));
    const now = exportPprof(fixture('leak', 'after.txt'));
    const r = spawnSync('go', ['tool', 'pprof', '-top', '-nodefraction=0', `-diff_base=${base}`, now], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const row = r.stdout.split('\n').find((l) => l.trim().endsWith(' main.watchZkName'));
    assert.ok(row, r.stdout);
    assert.equal(Number(row.trim().split(/\s+/)[0]), site('after') - site('before'));
  });

  it('writes to a pipe without -o, and gdump reads its own output back', () => {
    const r = spawnSync(process.execPath, [path.join(fixture('..'), 'bin', 'gdump.cjs'), fixture('leak', 'after.txt'), '--format', 'pprof'], { maxBuffer: 1 << 24 });
    assert.equal(r.status, 0, String(r.stderr));
    assert.deepEqual([...r.stdout.subarray(0, 2)], [0x1f, 0x8b], 'gzip');
    const back = runJson<{ total: number }>(['-'], { input: r.stdout });
    assert.equal(back.total, readTruth(fixture('leak', 'after.truth.json')).numGoroutine);
  });
});
