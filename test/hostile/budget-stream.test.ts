/** withinBudget: the counter a decoder's output goes through (the inflated-bytes budget of gzip'd text). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configureBudgets, withinBudget } from '../../src/input/budget.js';
import { GdumpError } from '../../src/errors.js';

async function* pieces(n: number, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < n; i++) yield Buffer.alloc(size);
}

describe('withinBudget', () => {
  it('passes chunks through up to the budget, then stops with the budget error', async () => {
    configureBudgets({ inflated: 10_000 });
    let seen = 0;
    await assert.rejects(
      (async () => {
        for await (const c of withinBudget(pieces(100, 1000), 'inflated', 'dump.txt.gz')) seen += c.length;
      })(),
      (e: unknown) => e instanceof GdumpError && e.failure === 'budget' && /^dump\.txt\.gz: more than 9\.8 KiB inflated from one gzip-compressed input: stopped at this budget \(--max-inflated raises it\)$/.test(e.message),
    );
    assert.equal(seen, 10_000);
    configureBudgets({});
  });
});
