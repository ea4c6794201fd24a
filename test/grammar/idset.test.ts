/** The snapshot builder's id set (grammar/idset.ts): bitset ids, Set ids, and clearing between snapshots. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IdSet } from '../../grammar/idset.js';
import { parseDump } from '../../grammar/parse.js';
import { goroutinesIn } from '../helpers/snapshots.js';

describe('goroutine id set', () => {
  it('holds dense ids past its first size, huge and odd ids, and forgets them on clear', () => {
    const ids = new IdSet();
    const some = [0, 1, 31, 32, 33, 1023, 50_000, 2 ** 27 + 5, 2 ** 28, 2 ** 40, -1];
    for (const id of some) assert.equal(ids.has(id), false, `${id} before add`);
    for (const id of some) ids.add(id);
    for (const id of some) assert.equal(ids.has(id), true, `${id} after add`);
    for (const id of [2, 30, 34, 50_001, 2 ** 27 + 4, 2 ** 28 + 1]) assert.equal(ids.has(id), false, `${id} never added`);
    ids.clear();
    for (const id of some) assert.equal(ids.has(id), false, `${id} after clear`);
  });

  it('a repeated id still starts a new snapshot, and ids of the next one start afresh', () => {
    const g = (id: number): string => `goroutine ${id} [select]:\nmain.loop()\n\t/app/main.go:10 +0x1d\n\n`;
    const r = parseDump(g(1) + g(70_000) + g(1) + g(70_000) + g(2) + g(2));
    assert.deepEqual(r.snapshots.map((s) => goroutinesIn(s).map((x) => x.id)), [[1, 70_000], [1, 70_000, 2], [2]]);
  });
});
