/**
 * Count records without `#` symbol lines (debug=1 from a stripped binary,
 * pprof's legacy go.godoc.thread) are known by their pcs: each pc is a frame,
 * so distinct stacks stay apart, as pprof keeps them, instead of merging into
 * one "(no frames)" group.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseDump } from '../../grammar/parse.js';
import { groupSnapshot } from '../../src/analysis/group.js';
import { fixture, HAS_REALWORLD, REALWORLD } from '../helpers/paths.js';
import { stacksOfKind } from '../helpers/snapshots.js';

/** `N @ pcs` lines of a count profile, read with a regular expression: count per pc list. */
function recordsOf(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.matchAll(/^(\d+) @((?: 0x[0-9a-f]+)*)$/gm)) out.set(m[2]!.trim(), (out.get(m[2]!.trim()) ?? 0) + Number(m[1]));
  return out;
}

describe('count records without # lines', () => {
  const skip = HAS_REALWORLD ? false : `../shared/realworld is absent (${REALWORLD}): skipping go.godoc.thread`;
  it('go.godoc.thread (threadcreate, no symbols): one group per distinct stack, sites by the bottom pc', { skip }, () => {
    const text = readFileSync(path.join(REALWORLD, 'google-pprof-go.godoc.thread'), 'utf8');
    const s = stacksOfKind(parseDump(text).snapshots[0]);
    const records = recordsOf(text);
    const byStack = groupSnapshot(s, { by: 'stack' });
    assert.equal(byStack.length, records.size);
    const bottoms = new Map<string, number>();
    for (const [pcs, n] of records) {
      const bottom = pcs.split(' ').pop()!;
      bottoms.set(bottom, (bottoms.get(bottom) ?? 0) + n);
    }
    const bySite = groupSnapshot(s).map((g) => [g.key.split(' ')[0], g.count]);
    assert.deepEqual(bySite.sort(), [...bottoms].sort());
  });

  it('a goroutine debug=1 profile with its # lines removed: as many stacks as the records hold', () => {
    const text = readFileSync(fixture('leak', 'after.debug1.txt'), 'utf8').replace(/^#\t.*\n/gm, '');
    const records = recordsOf(text);
    assert.ok(records.size >= 4, `${records.size} records`);
    const groups = groupSnapshot(stacksOfKind(parseDump(text).snapshots[0]), { by: 'stack' });
    assert.deepEqual(groups.map((g) => g.count).sort((a, b) => a - b), [...records.values()].sort((a, b) => a - b));
    assert.ok(!groups.some((g) => g.representative.frames.length === 0), 'a record lost its stack');
  });
});
