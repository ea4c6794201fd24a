/**
 * Diff with goroutines folded as they are parsed (src/diff/stream.ts) gives
 * what diff of every kept goroutine gives: the same JSON for the leak
 * fixtures' pairs and series, by site, stack and label, and for a mixed
 * debug=1 / debug=2 pair (the points folded again with coarser keys).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDump } from '../../grammar/parse.js';
import { diffSnapshots, type DiffBy } from '../../src/diff/diff.js';
import type { Group } from '../../src/analysis/group.js';
import { DiffFolder } from '../../src/diff/stream.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { diffJson } from '../../src/render/diff.js';
import { seriesSuspects } from '../../src/diff/suspects.js';
import { suspectsJson } from '../../src/render/suspects.js';
import { fixture } from '../helpers/paths.js';

function kept(file: string): Snapshot {
  return parseDump(readFileSync(fixture('leak', file), 'utf8')).snapshots[0]!;
}

function streamed(files: readonly string[], by: DiffBy): { snapshots: Snapshot[]; folded: Map<Snapshot, readonly Group[]>; folder: DiffFolder } {
  const folded = new Map<Snapshot, readonly Group[]>();
  const folder = new DiffFolder(by);
  const snapshots = files.map((file) => {
    const s = parseDump(readFileSync(fixture('leak', file), 'utf8'), { onGoroutine: folder.onGoroutine }).snapshots[0]!;
    return folder.settle(s, folded);
  });
  return { snapshots, folded, folder };
}

const INPUTS: string[][] = [
  ['before.txt', 'after.txt'],
  ['after.txt', 'shifted-after.txt'],
  ['series-1.txt', 'series-2.txt', 'series-3.txt'],
  ['before.debug1.txt', 'after.txt'],
  ['before.txt', 'shifted-after.debug1.txt'],
];

describe('diff of streamed snapshots', () => {
  for (const by of ['site', 'stack', 'label:worker'] as DiffBy[]) {
    it(`equals diff of kept goroutines, by ${by}`, () => {
      for (const files of INPUTS) {
        const expected = JSON.stringify(diffJson(diffSnapshots(files.map(kept), { by })));
        const s = streamed(files, by);
        const traceback = s.snapshots.filter((x) => x.kind === 'traceback');
        assert.ok(traceback.every((x) => s.folded.has(x)), 'every traceback snapshot was folded');
        assert.ok(traceback.every((x) => x.goroutines.length < x.total), `${files.join(' ')}: the folded snapshots keep representatives only`);
        const result = diffSnapshots(s.snapshots, { by, folded: s.folded });
        assert.equal(JSON.stringify(diffJson(result)), expected, `${files.join(' → ')} by ${by}`);
        const keptSnapshots = files.map(kept);
        const suspects = JSON.stringify(suspectsJson(seriesSuspects(diffSnapshots(keptSnapshots, { by }), keptSnapshots)));
        const last = s.snapshots[s.snapshots.length - 1]!;
        assert.equal(JSON.stringify(suspectsJson(seriesSuspects(result, s.snapshots, undefined, s.folder.factsOf(last)))), suspects, `${files.join(' → ')}: the likely leaks`);
      }
    });
  }
});
