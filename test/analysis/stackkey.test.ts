/**
 * The stack-key memo (src/analysis/stackkey.ts, behind keyFunctions('stack'))
 * keys exactly as the spelled-out stack key (keys.ts's stackKeys): two
 * members get the same key from it if and only if their spelled keys are
 * equal, at every similarity level, with and without creators. Checked on generated arguments that
 * sit on the edges of the pointer rule (`0x` and 4, 5 or more hex digits,
 * upper-case hex, runs glued together) and on every goroutine of the
 * fixture dumps.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseDump } from '../../grammar/parse.js';
import { FrameClassifier } from '../../src/analysis/frames.js';
import { keyFunctions, SIMILARITIES, stackKeys, type Similarity } from '../../src/analysis/keys.js';
import { goroutineMember, type Member } from '../../src/analysis/members.js';
import { sameArgs } from '../../src/analysis/stackkey.js';
import type { Frame } from '../../src/model/frame.js';
import { FIXTURES } from '../helpers/paths.js';

const FUNC = { full: 'main.f', pkg: 'main', receiver: '', name: 'f' };

const stackKey = (m: Member, similarity: Similarity, creators = true): string => stackKeys(similarity, creators).exact(m);
const stackKeyMemo = (similarity: Similarity, creators = true): ((m: Member) => string) =>
  keyFunctions('stack', { similarity, creators, classifier: new FrameClassifier(null) }).exact;

function member(args: string[]): Member {
  const frames: Frame[] = args.map((a, i) => ({ func: FUNC, args: a, file: '/src/main.go', line: 10 + i, pcOffset: 0x1d, inlined: false, registers: '' }));
  return { count: 1, frames, createdBy: null, parentId: null, state: 'select', waitMinutes: null, labels: null, id: 1, source: null as never };
}

/** Argument text near the pointer rule's edges. */
const args = fc.array(fc.constantFrom('0x', '0', 'x', 'c00', '1234', 'abcde', 'ABCDE', 'f', '9', ', ', '?', '{', '}', '...', 'g'), { maxLength: 12 }).map((parts) => parts.join(''));

const HEX = '0123456789abcdef';

/** `a` with some of its hex digits changed: pairs that differ only where the pointer rule looks. */
function varied(a: string, flips: readonly boolean[]): string {
  return [...a].map((c, i) => (HEX.includes(c) && flips[i % flips.length] ? HEX[(HEX.indexOf(c) + 1) % 16]! : c)).join('');
}

const pair = fc.tuple(fc.array(args, { minLength: 1, maxLength: 3 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), fc.boolean()).chain(([a, flips, vary]) =>
  vary ? fc.constant([a, a.map((x) => varied(x, flips))] as const) : fc.array(args, { minLength: 1, maxLength: 3 }).map((b) => [a, b] as const),
);

describe('stack key memo', () => {
  for (const similarity of SIMILARITIES) {
    it(`sameArgs and the memo agree with stackKey (${similarity})`, () => {
      fc.assert(
        fc.property(pair, ([a, b]) => {
          const [ma, mb] = [member(a), member(b)];
          const same = stackKey(ma, similarity) === stackKey(mb, similarity);
          if (a.length === 1 && b.length === 1) assert.equal(sameArgs(a[0]!, b[0]!, similarity), same);
          const key = stackKeyMemo(similarity);
          assert.equal(key(ma), stackKey(ma, similarity));
          assert.equal(key(mb) === key(ma), same);
          assert.equal(key(mb), stackKey(mb, similarity));
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('gives stackKey of every goroutine of the fixture dumps, at every similarity', () => {
    let n = 0;
    for (const dir of ['crash', 'leak', 'states', 'aged']) {
      for (const f of readdirSync(path.join(FIXTURES, dir)).filter((x) => x.endsWith('.txt'))) {
        for (const s of parseDump(readFileSync(path.join(FIXTURES, dir, f), 'utf8')).snapshots) {
          if (s.kind !== 'traceback') continue;
          for (const similarity of SIMILARITIES) {
            for (const creators of [true, false]) {
              const key = stackKeyMemo(similarity, creators);
              for (const g of s.goroutines) {
                const m = goroutineMember(g);
                assert.equal(key(m), stackKey(m, similarity, creators), `${dir}/${f} goroutine ${g.id}`);
                n++;
              }
            }
          }
        }
      }
    }
    assert.ok(n > 1000, `only ${n} goroutines checked`);
  });
});
