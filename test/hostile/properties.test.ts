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
import { readText } from '../../src/input/pipeline.js';
import { lineAccounting } from '../../src/model/snapshot.js';

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

describe('fuzz campaign findings', () => {
  it('a creator line cut inside "in goroutine N" after a header-only goroutine keeps line accounting whole', () => {
    // Found by `npm run fuzz` (seed 501514295): series-2.txt with its first line duplicated, cut in a created-by line.
    const text = 'goroutine 1 [running]:\ngoroutine 1 [running]:\nmain.main()\n\t/m.go:1 +0x1\n\ngoroutine 27 [chan receive]:\nmain.watchZkName(0x1)\n\t/m.go:182 +0xba\ncreated by main.FetchZkName in goro';
    const r = readText(text);
    for (const s of r.result.snapshots) {
      const a = lineAccounting(s);
      assert.ok(a.parsed >= 0 && a.parsed + a.skipped + a.warned === a.total, JSON.stringify(a));
      assert.ok(s.warnings.every((w) => w.line >= 1), JSON.stringify(s.warnings));
    }
  });
});
