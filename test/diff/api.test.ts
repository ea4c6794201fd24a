/**
 * The diff library API (src/diff) on parsed fixtures and small inline dumps:
 * what the CLI tests cannot see directly.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDump } from '../../grammar/parse.js';
import { diffSnapshots, isMonotonic, perHour } from '../../src/diff/diff.js';
import { stackChange, stackText } from '../../src/diff/stackdiff.js';
import { parseTimes, sourceTimes } from '../../src/diff/times.js';
import { renderDiff, sparkline } from '../../src/render/diff.js';
import { FrameClassifier } from '../../src/analysis/frames.js';
import { NO_COLOR_PALETTE } from '../../src/render/palette.js';
import { PathShortener } from '../../src/render/paths.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { fixture } from '../helpers/paths.js';
import { readTruth } from '../helpers/truth.js';

const snapshotOf = (text: string): Snapshot => parseDump(text).snapshots[0]!;
const leakSnapshot = (name: string): Snapshot => snapshotOf(readFileSync(fixture('leak', name), 'utf8'));

describe('stackChange on a moved site', () => {
  it('holds both stacks exactly, and the later one has the go statement line the program recorded', () => {
    const d = diffSnapshots([leakSnapshot('after.txt'), leakSnapshot('shifted-after.txt')]);
    const truth = readTruth(fixture('leak', 'shifted-after.truth.json'));
    const w = truth.sites.find((s) => s.scenario === 'watcher')!;
    const site = d.sites.find((s) => s.entry?.func.full === w.entry)!;
    const change = stackChange(site);
    assert.ok(change);
    const before = change.filter((c) => c.op <= 0).map((c) => c.text).join('');
    const after = change.filter((c) => c.op >= 0).map((c) => c.text).join('');
    assert.equal(before, stackText(site.earliest.representative));
    assert.equal(after, stackText(site.latest.representative));
    assert.match(after, new RegExp(`created by ${w.createdBy} .*/${w.goFile}:${w.goLine}$`));
    assert.ok(change.some((c) => c.op !== 0));
  });

  it('is null for a site that did not move', () => {
    const d = diffSnapshots([leakSnapshot('before.txt'), leakSnapshot('after.txt')]);
    assert.ok(d.sites.every((s) => !s.moved && stackChange(s) === null));
  });
});

describe('matching rules', () => {
  const dump = (ids: number[], fn: string, line: number): string =>
    ids.map((id) => `goroutine ${id} [chan receive]:\n${fn}(0xc000${id}0000)\n\t/srv/app/main.go:${line + 10} +0x1d\ncreated by main.start in goroutine 1\n\t/srv/app/main.go:${line} +0x25\n`).join('\n');

  it('ignores goroutine ids and pointer args: other ids, same site', () => {
    const d = diffSnapshots([snapshotOf(dump([5, 6], 'main.work', 40)), snapshotOf(dump([90, 91, 92], 'main.work', 40))]);
    assert.equal(d.sites.length, 1);
    assert.deepEqual(d.sites[0]!.counts, [2, 3]);
    assert.equal(d.sites[0]!.moved, false);
  });

  it('two go statements of the same function stay two sites, and a moved one pairs with its nearest line', () => {
    const before = snapshotOf(dump([5], 'main.work', 40) + '\n' + dump([6, 7], 'main.work', 80));
    const after = snapshotOf(dump([8, 9, 10], 'main.work', 41) + '\n' + dump([11, 12], 'main.work', 81));
    const d = diffSnapshots([before, after]);
    assert.equal(d.sites.length, 2);
    const byLine = new Map(d.sites.map((s) => [s.createdBy!.line, s.counts]));
    assert.deepEqual(byLine.get(41), [1, 3]);
    assert.deepEqual(byLine.get(81), [2, 2]);
  });

  it('a function that is really new is reported new, not paired with another function', () => {
    const d = diffSnapshots([snapshotOf(dump([5], 'main.work', 40)), snapshotOf(dump([6], 'main.other', 40))]);
    assert.deepEqual(d.sites.map((s) => s.status).sort(), ['new', 'vanished']);
  });

  it('--ignore-site drops a site but keeps the totals as the dumps count them', () => {
    const d = diffSnapshots([leakSnapshot('before.txt'), leakSnapshot('after.txt')], { ignore: /watchZkName/ });
    assert.equal(d.ignored, 1);
    assert.ok(d.sites.every((s) => s.entry?.func.full !== 'main.watchZkName'));
    assert.deepEqual(d.totals, [readTruth(fixture('leak', 'before.truth.json')).numGoroutine, readTruth(fixture('leak', 'after.truth.json')).numGoroutine]);
  });

  it('--by label:KEY lines sites up by a label value', () => {
    const profile = (zk: number, db: number): string =>
      `goroutine profile: total ${zk + db}\n` +
      `${zk} @ 0x4a 0x4b\n# labels: {"worker":"zk"}\n#\t0x4a\tmain.loop+0x1\t/srv/main.go:9\n\n` +
      `${db} @ 0x4a 0x4b\n# labels: {"worker":"db"}\n#\t0x4a\tmain.loop+0x1\t/srv/main.go:9\n`;
    const d = diffSnapshots([snapshotOf(profile(3, 2)), snapshotOf(profile(7, 2))], { by: 'label:worker' });
    assert.deepEqual(
      d.sites.map((s) => [s.key, s.counts]),
      [
        ['zk', [3, 7]],
        ['db', [2, 2]],
      ],
    );
  });
});

describe('series helpers', () => {
  it('isMonotonic: grew in every interval', () => {
    assert.equal(isMonotonic([10, 20, 30]), true);
    assert.equal(isMonotonic([2, 6, 1]), false);
    assert.equal(isMonotonic([3, 3, 4]), false);
    assert.equal(isMonotonic([5]), false);
  });

  it('perHour needs both times at least a minute apart', () => {
    assert.equal(perHour(20, [new Date(0), new Date(2 * 3_600_000)]), 10);
    assert.equal(perHour(20, [new Date(0), new Date(1000)]), null);
    assert.equal(perHour(20, [null, new Date(0)]), null);
  });

  it('parseTimes reads dates and offsets, and rejects a wrong count or a bad value', () => {
    const t = parseTimes('2024-05-01T10:00:00Z,30m,2h', 3);
    assert.deepEqual(t.map((d) => d.toISOString()), ['2024-05-01T10:00:00.000Z', '2024-05-01T10:30:00.000Z', '2024-05-01T12:00:00.000Z']);
    assert.throws(() => parseTimes('0,1h', 3), /expected 3 values/);
    assert.throws(() => parseTimes('0,soon', 2), /value 2/);
  });

  it('sourceTimes uses mtimes only when each source holds one snapshot', () => {
    const a = new Date(0);
    const b = new Date(3_600_000);
    assert.deepEqual(sourceTimes([{ time: a, snapshots: 1 }, { time: b, snapshots: 1 }]), [a, b]);
    assert.deepEqual(sourceTimes([{ time: a, snapshots: 2 }, { time: b, snapshots: 1 }]), [null, null, null]);
  });

  it('sparkline spans lowest to highest', () => {
    assert.equal(sparkline([10, 20, 30]), '▁▅█');
    assert.equal(sparkline([3, 3]), '▁▁');
  });
});

describe('text report safety', () => {
  it('escapes control characters from the dump', () => {
    const evil = (n: number): string =>
      Array.from({ length: n }, (_, i) => `goroutine ${i + 2} [chan receive\u001b[2J]:\nmain.evil\u001b]0;pwned\u0007()\n\t/srv/main.go:9 +0x1\ncreated by main.start in goroutine 1\n\t/srv/main.go:5 +0x2\n`).join('\n');
    const d = diffSnapshots([snapshotOf(evil(1)), snapshotOf(evil(3))]);
    const text = renderDiff(d, { palette: NO_COLOR_PALETTE, paths: new PathShortener(null, []), classifier: new FrameClassifier(null), top: 20, stacks: 3, width: null, sources: ['a\u001b[31m', 'b'] });
    assert.ok(d.sites.length > 0 && d.sites[0]!.delta === 2, 'the goroutines were read');
    assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f]/);
    assert.match(text, /\\x1b/);
  });
});
