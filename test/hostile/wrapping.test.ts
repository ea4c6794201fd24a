/**
 * Log-wrapped dumps read like the plain dump: every wrapper over every real
 * fixture gives the same groups, and line numbers still name input lines.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { HAS_REALWORLD, REALWORLD } from '../helpers/paths.js';
import { corpus, groupSummary, invariantProblem, readText, REALWORLD_NOTE, WRAPPERS } from './corpus.js';
import { goroutinesIn, goroutinesOf } from '../helpers/snapshots.js';

describe('log-wrapped dumps', () => {
  if (REALWORLD_NOTE !== null) it.skip(REALWORLD_NOTE);
  const dumps = corpus(200_000).filter((d) => readText(d.bytes.toString('utf8')).stripped.length === 0);

  for (const w of WRAPPERS) {
    it(`${w.name}: same groups and full line accounting on ${dumps.length} real dumps`, () => {
      for (const d of dumps) {
        const text = d.bytes.toString('utf8');
        const wrapped = w.wrap(text);
        const plain = readText(text);
        const r = readText(wrapped);
        assert.equal(invariantProblem(wrapped, r), null, d.name);
        assert.deepEqual(groupSummary(r), groupSummary(plain), d.name);
        if (plain.result.snapshots.some((s) => goroutinesIn(s).length > 0)) assert.ok(r.stripped.length > 0 || w.name === 'tabs as spaces', `${d.name}: nothing reported as stripped`);
      }
    });
  }

  it('names the input line in warnings when an envelope joins and drops lines', () => {
    const events = [
      { Action: 'run', Test: 'T' },
      { Action: 'output', Test: 'T', Output: 'goroutine 7 [select]:\n' },
      { Action: 'output', Test: 'T', Output: 'main.wor' },
      { Action: 'output', Test: 'T', Output: 'k()\n' },
      { Action: 'pause', Test: 'T' },
      { Action: 'output', Test: 'T', Output: 'main.next()\n' },
      { Action: 'output', Test: 'T', Output: '\t/m.go:9 +0x1\n' },
    ];
    const text = events.map((e) => JSON.stringify(e)).join('\n') + '\n';
    const r = readText(text);
    assert.deepEqual(r.stripped, ['go test -json events ("Output")']);
    const s = r.result.snapshots[0]!;
    const g = goroutinesOf(s)[0]!;
    assert.equal(g.line, 2);
    assert.deepEqual(g.frames.map((f) => f.func.full), ['main.work', 'main.next']);
    // main.work has no location line: the warning names input line 3, where "main.wor" starts.
    assert.deepEqual(s.warnings.map((w) => w.line), [3]);
    assert.deepEqual(s.skipped, [{ first: 1, last: 1 }, { first: 5, last: 5 }]);
    assert.equal(invariantProblem(text, r), null);
  });

  it('--strip takes a prefix gdump does not know off every line', () => {
    // A prefix that differs from line to line: not one every line shares, which gdump would take off by itself.
    const text = 'goroutine 1 [running]:\nmain.main()\n\t/m.go:3 +0x1\n'.split('\n').map((l, i) => `<app-${i}> ${l}`).join('\n');
    const r = readText(text, { strip: /<app-\d+> / });
    assert.equal(goroutinesOf(r.result.snapshots[0])[0]!.frames[0]!.file, '/m.go');
    assert.equal(goroutinesOf(readText(text).result.snapshots[0])[0]?.frames.length ?? 0, 0);
  });

  it('leaves a clean dump untouched and reports nothing stripped', () => {
    const text = 'goroutine 1 [running]:\nmain.main()\n\t/m.go:3 +0x1\n';
    const r = readText(text);
    assert.deepEqual(r.stripped, []);
    assert.equal(goroutinesOf(r.result.snapshots[0]).length, 1);
  });

  it('reads the go test -json panic of gotestpp: the traceback split across "Output" strings comes out whole', { skip: HAS_REALWORLD ? false : REALWORLD_NOTE ?? true }, () => {
    const text = readFileSync(path.join(REALWORLD, 'joaopsramos-gotestpp-panic.txt'), 'utf8');
    const r = readText(text);
    assert.deepEqual(r.stripped, ['go test -json events ("Output")']);
    const [s] = r.result.snapshots;
    assert.ok(s !== undefined);
    const g = goroutinesOf(s).find((x) => x.id === 20)!;
    assert.equal(g.createdBy?.func.full, 'testing.(*T).Run');
    assert.equal(g.parentId, 1);
    assert.equal(g.frames[0]!.func.full, 'testing.tRunner.func1.2');
    // goroutine 20's header is the JSON event on input line 528.
    assert.equal(g.line, 528);
    assert.match(s.messages[0]!, /^panic: something went really wrong \[recovered\]/);
  });
});
