/**
 * watch's views on the recorded series (fixtures/leak/series-1..3, written by
 * the leak program with its truth): the summary line and the live table name
 * the watcher as growing in every interval by the truth's counts, and the
 * terminal redraw replaces exactly the lines it drew.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDump } from '../../grammar/parse.js';
import { classifierFor } from '../../src/analysis/group.js';
import { diffSnapshots } from '../../src/diff/diff.js';
import { NO_COLOR_PALETTE } from '../../src/render/palette.js';
import { shortenerOf } from '../../src/render/paths.js';
import { stacksOf } from '../../src/model/snapshot.js';
import { LiveRegion, renderWatchLine, renderWatchTable } from '../../src/render/watch.js';
import { fixture } from '../helpers/paths.js';
import { readTruth } from '../helpers/truth.js';

const NAMES = ['series-1', 'series-2', 'series-3'];
const snapshots = NAMES.map((n) => parseDump(readFileSync(fixture('leak', `${n}.txt`), 'utf8')).snapshots[0]!);
const truths = NAMES.map((n) => readTruth(fixture('leak', `${n}.truth.json`)));
const watcherCounts = truths.map((t) => t.sites.find((s) => s.scenario === 'watcher')!.count);
const times = [new Date('2026-01-01T10:00:00Z'), new Date('2026-01-01T10:00:10Z'), new Date('2026-01-01T10:00:20Z')];

describe('watch views', () => {
  const result = diffSnapshots(snapshots, { times });
  const classifier = classifierFor(snapshots[2]!);
  const view = { palette: NO_COLOR_PALETTE, paths: shortenerOf(stacksOf(snapshots[2]!), classifier, false), classifier, target: 'http://127.0.0.1:6060', top: 0, width: null };

  it('the summary line of each snapshot names the watcher with its growth since the first', () => {
    const grown = watcherCounts[2]! - watcherCounts[0]!;
    assert.equal(
      renderWatchLine(result, 3),
      `snapshot 3 at 10:00:20: ${truths[2]!.numGoroutine} goroutines (+${truths[2]!.numGoroutine - truths[0]!.numGoroutine} since the first); grew: main.watchZkName +${grown} ↑ every interval`,
    );
    assert.match(renderWatchLine(diffSnapshots(snapshots.slice(0, 1), { times }), 1), /; first snapshot$/);
  });

  it('the table puts the watcher first with its counts and marks it; steady sites are unmarked', () => {
    const lines = renderWatchTable(result, 3, view);
    assert.match(lines[0]!, /^http:\/\/127\.0\.0\.1:6060: snapshot 3 at 10:00:20, /);
    const watcherRow = lines[2]!;
    assert.match(watcherRow, new RegExp(`^\\s+${watcherCounts[2]}\\s+\\S{3} ↑ every interval\\s+\\+${watcherCounts[2]! - watcherCounts[0]!}\\s+main\\.watchZkName`));
    const worker = lines.find((l) => l.includes('main.worker'))!;
    assert.doesNotMatch(worker, /every interval/);
    // batch jobs went 2 → 6 → 1: they changed, but did not grow in every interval.
    assert.doesNotMatch(lines.find((l) => l.includes('main.batchJob'))!, /every interval/);
  });

  it('a redraw moves up over exactly the lines drawn before and clears them', () => {
    const written: string[] = [];
    const region = new LiveRegion({ write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream);
    region.draw(['a', 'b', 'c']);
    region.draw(['d']);
    region.draw(['e', 'f']);
    assert.deepEqual(written, ['a\nb\nc\n', '\u001b[3F\u001b[Jd\n', '\u001b[1F\u001b[Je\nf\n']);
  });
});
