/**
 * A group whose goroutines are in several states shows the stack of its
 * most common state, not of whichever goroutine came first. On real dumps
 * (../shared/realworld, tested in place; skipped with a message when absent).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseDump } from '../../grammar/parse.js';
import { groupSnapshot } from '../../src/analysis/group.js';
import { HAS_REALWORLD, REALWORLD } from '../helpers/paths.js';

const DUMPS = ['dt-stackgazer-stacks.txt', 'dt-stackgazer-stacks-2.txt'];

describe('the representative of a mixed-state group', () => {
  it('is in the group\'s most common state', { skip: !HAS_REALWORLD && `${REALWORLD} is absent: skipping the real-dump test` }, () => {
    let mixed = 0;
    let firstWasMinority = 0;
    for (const name of DUMPS) {
      const s = parseDump(readFileSync(path.join(REALWORLD, name), 'utf8')).snapshots[0]!;
      assert.ok(s.kind === 'traceback', name);
      for (const g of groupSnapshot(s)) {
        if (g.states.size < 2) continue;
        mixed++;
        const most = Math.max(...g.states.values());
        assert.equal(g.states.get(g.representative.state ?? ''), most, `${name}: ${g.key}: shown as ${g.representative.state}, states ${JSON.stringify([...g.states])}`);
        if (g.states.get([...g.states.keys()][0]!) !== most) firstWasMinority++;
      }
    }
    assert.ok(mixed > 0 && firstWasMinority > 0, `the dumps hold mixed groups whose first goroutine is in a minority state (${mixed}, ${firstWasMinority})`);
  });
});
