/**
 * A dump cut at any byte (a full runtime.Stack buffer, a truncated paste)
 * still reads: at every offset of every small fixture, no exception, every
 * line accounted for, every goroutine whose header was written is kept
 * (the cut one too), and a cut line is warned about (unless it ends as the
 * runtime ends a whole line: a dump missing only its final newline is good).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpus, invariantProblem, readText, REALWORLD_NOTE } from './corpus.js';
import { endsWhole } from '../../src/input/unwrap.js';
import { decode } from './damage.js';
import { goroutinesIn } from '../helpers/snapshots.js';

const HEADER = /^goroutine \d+ .*\]:$/;

/** Goroutine headers written before the cut: whole header lines, and the cut line when it was a header cut after its id's first digit. */
function headersWritten(full: string[], text: string): number {
  const lines = text.split('\n');
  const cut = lines.pop()!;
  let n = lines.filter((l) => HEADER.test(l)).length;
  if (cut.length >= 'goroutine 1'.length && HEADER.test(full[lines.length]!)) n++;
  return n;
}

describe('truncation at every byte offset', () => {
  if (REALWORLD_NOTE !== null) it.skip(REALWORLD_NOTE);
  for (const dump of corpus(20_000).filter((d) => d.name.startsWith('fixtures/'))) {
    it(dump.name, () => {
      const full = dump.bytes.toString('utf8').split('\n');
      for (let at = 0; at <= dump.bytes.length; at++) {
        const text = decode(dump.bytes.subarray(0, at));
        const r = readText(text);
        assert.equal(invariantProblem(text, r), null, `cut at ${at}`);
        const headers = headersWritten(full, text);
        const kept = r.result.snapshots.reduce((n, s) => n + goroutinesIn(s).length, 0);
        assert.equal(kept, headers, `cut at ${at}: ${headers} goroutine headers written, ${kept} goroutines read`);
        if (text.length > 0 && !text.endsWith('\n') && !endsWhole(text.slice(text.lastIndexOf('\n') + 1))) {
          const last = r.result.lines;
          const warnings = r.result.snapshots.length > 0 ? r.result.snapshots.flatMap((s) => s.warnings) : r.result.warnings;
          assert.ok(warnings.some((w) => w.line === last), `cut at ${at}: no warning on the cut line ${last}`);
        }
      }
    });
  }
});
