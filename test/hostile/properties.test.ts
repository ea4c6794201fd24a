/**
 * Property tests over the real fixtures: whatever damage is done to a dump
 * (cut anywhere, bytes flipped, lines dropped or repeated, garbage lines,
 * wrappers, CRLF, colours), reading it never throws and every input line is
 * accounted for as parsed, skipped or warned. Bounded for CI; `npm run fuzz`
 * runs the same properties for millions of cases.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { corpus, REALWORLD_NOTE } from './corpus.js';
import { damagedDump, garbageLineKept, readDamaged } from './damage.js';

const dumps = corpus(64 << 10);

describe('damaged dumps (fast-check)', () => {
  if (REALWORLD_NOTE !== null) it.skip(REALWORLD_NOTE);

  it('never throws and accounts for every line', () => {
    fc.assert(
      fc.property(damagedDump(dumps), (d) => {
        const problem = readDamaged(d);
        assert.equal(problem, null, `${d.dump.name} after ${d.steps.join(', ')}: ${problem}`);
      }),
      { numRuns: 1500 },
    );
  });

  it('a garbage line put anywhere is skipped or warned about, never silently read', () => {
    fc.assert(
      fc.property(fc.nat({ max: dumps.length - 1 }), fc.nat(), fc.string({ minLength: 1, maxLength: 40 }), (i, at, junk) => {
        assert.equal(garbageLineKept(dumps[i]!, at, junk), null, dumps[i]!.name);
      }),
      { numRuns: 1000 },
    );
  });
});
