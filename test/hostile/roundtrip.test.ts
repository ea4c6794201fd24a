/**
 * --format traceback writes a snapshot back as dump text that parses to the
 * same model: every goroutine and record field except the input line numbers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderTraceback } from '../../src/render/traceback.js';
import type { GoroutineSnapshot, Snapshot } from '../../src/model/snapshot.js';
import { corpus, readText, REALWORLD_NOTE } from './corpus.js';
import { goroutinesIn, goroutinesOf, stacksOfKind } from '../helpers/snapshots.js';

function model(s: Snapshot): unknown {
  return {
    format: s.format,
    total: s.total,
    messages: s.messages,
    goroutines: goroutinesIn(s).map((g) => ({ ...g, line: 0 })),
    records: s.kind === 'count' ? s.records.map((r) => ({ ...r, line: 0 })) : [],
  };
}

/** Tracebacks and count profiles are what --format traceback writes back. */
function writesBack(s: Snapshot): s is GoroutineSnapshot {
  return s.kind === 'traceback' || s.kind === 'count';
}

describe('traceback round trip', () => {
  if (REALWORLD_NOTE !== null) it.skip(REALWORLD_NOTE);
  const dumps = corpus(Infinity).filter((d) => readText(d.bytes.toString('utf8')).result.snapshots.some(writesBack));
  it(`re-parses ${dumps.length} traceback and count-profile fixtures to the same model`, () => {
    for (const d of dumps) {
      const snapshots = readText(d.bytes.toString('utf8')).result.snapshots.filter(writesBack);
      const again = readText(snapshots.map((s) => renderTraceback(s)).join('\n')).result.snapshots;
      assert.equal(again.length, snapshots.length, d.name);
      snapshots.forEach((s, i) => assert.deepEqual(model(again[i]!), model(s), `${d.name} snapshot ${i + 1}`));
      assert.ok(snapshots.some((s) => goroutinesIn(s).length + (s.kind === 'count' ? s.records.length : 0) > 0), d.name);
    }
  });

  it('keeps label values, messages and names with escape sequences exactly', () => {
    const text = 'panic: \u001b[2Jboom\n\ngoroutine 7 [select labels:{"k": "\\x1b]0;x\\x07"}]:\nmain.f\u001b[31m()\n\t/a\u001b/b.go:3 +0x1\n';
    const [s] = readText(text).result.snapshots;
    const [t] = readText(renderTraceback(stacksOfKind(s))).result.snapshots;
    assert.deepEqual(model(t!), model(s!));
    assert.equal(goroutinesOf(t)[0]!.labels!.k, '\u001b]0;x\u0007');
  });
});
