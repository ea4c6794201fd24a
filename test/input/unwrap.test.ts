/**
 * The log unwrapper (src/input/unwrap.ts) on its own: what it hands the
 * grammar for a real dump inside real log wrappings, fed in pieces that cut
 * lines anywhere, and the line map that names input lines again.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CUT_STATE, headerCompletion, LineMap, MAX_LINE_CHARS, Unwrapper, type UnwrapReport } from '../../src/input/unwrap.js';
import { fixture } from '../helpers/paths.js';

const DUMP = readFileSync(fixture('leak', 'after.txt'), 'utf8');
const LINES = DUMP.split('\n').slice(0, -1);

/** Runs `input` through an Unwrapper in pieces of `piece` characters; the text it passed on, and its report. */
function unwrap(input: string, piece: number, strip: RegExp | null = null): { text: string; report: UnwrapReport } {
  let text = '';
  const u = new Unwrapper((t) => void (text += t), { strip });
  for (let at = 0; at < input.length; at += piece) u.push(input.slice(at, at + piece));
  const report = u.end();
  return { text, report };
}

const stamp = (i: number): string => `2026-11-27T15:00:${String(i % 60).padStart(2, '0')}.123456789Z `;

describe('the unwrapper', () => {
  it('passes a clean dump through unchanged, with no line map', () => {
    for (const piece of [7, 4096, DUMP.length]) {
      const { text, report } = unwrap(DUMP, piece);
      assert.equal(text, DUMP);
      assert.deepEqual(report.stripped, []);
      assert.equal(report.map, null);
      assert.equal(report.lines, LINES.length);
      assert.equal(report.unterminated, null);
    }
  });

  it('takes kubectl timestamps, CRLF and ANSI colours off, whatever the piece size', () => {
    const wrapped = LINES.map((l, i) => `${stamp(i)}\u001b[32m${l}\u001b[0m\r\n`).join('');
    for (const piece of [1, 13, 65536]) {
      const { text, report } = unwrap(wrapped, piece);
      assert.equal(text, DUMP, `pieces of ${piece}`);
      assert.ok(report.stripped.length >= 2, report.stripped.join('; '));
      assert.equal(report.lines, LINES.length);
    }
  });

  it('joins the pieces of go test -json Output events back into lines and maps them to their events', () => {
    // Each line split into two events, with a pause event between lines: input line 3k+1 and 3k+2 make dump line k+1.
    const events: string[] = [];
    for (const l of LINES) {
      const cut = l.length >> 1;
      events.push(JSON.stringify({ Action: 'output', Test: 'TestX', Output: l.slice(0, cut) }));
      events.push(JSON.stringify({ Action: 'output', Test: 'TestX', Output: `${l.slice(cut)}\n` }));
      events.push(JSON.stringify({ Action: 'pause', Test: 'TestX' }));
    }
    const { text, report } = unwrap(events.join('\n') + '\n', 1000);
    assert.equal(text, DUMP);
    assert.ok(report.map !== null);
    for (const line of [1, 2, 10, LINES.length]) assert.equal(report.map.origin(line), 3 * (line - 1) + 1, `dump line ${line}`);
    assert.equal(report.lines, events.length);
    // The pause events carry no text: dropped, and reported so.
    assert.deepEqual(report.dropped[0], { first: 3, last: 3 });
  });

  it('takes a --strip prefix off the lines that have it', () => {
    const wrapped = LINES.map((l) => `app-7f9c | ${l}\n`).join('');
    const { text } = unwrap(wrapped, 333, /^app-\w+ \| /);
    assert.equal(text, DUMP);
  });

  it('cuts a line longer than the limit, with a warning on its input line', () => {
    const long = `main.f(${'x'.repeat(MAX_LINE_CHARS + 10)})\n`;
    const { text, report } = unwrap(`${LINES[0]}\n${long}${LINES[1]}\n`, 1 << 20);
    assert.ok(text.length < MAX_LINE_CHARS + 1000);
    assert.ok(text.endsWith(`${LINES[1]}\n`));
    assert.deepEqual(report.warnings.map((w) => w.line), [2]);
  });

  it('reports an input that does not end with a newline as possibly cut, on its last line', () => {
    const cut = DUMP.slice(0, DUMP.lastIndexOf('main.go:') + 5);
    const { report } = unwrap(cut, 4096);
    assert.equal(report.unterminated, cut.split('\n').length);
  });
});

describe('a goroutine header cut off at the end of the input', () => {
  it('is completed so the goroutine is still read, with the cut state', () => {
    assert.equal(headerCompletion('goroutine 7 [chan rec'), ']:');
    assert.equal(headerCompletion('goroutine 7'), ` [${CUT_STATE}]:`);
    assert.equal(headerCompletion('main.watchZkName(0x1d12c828380, 0x0?)'), null);
  });
});

describe('LineMap', () => {
  it('maps given lines back through runs of consecutive input lines', () => {
    const map = new LineMap();
    for (const origin of [1, 2, 3, 7, 8, 20]) map.add(origin);
    assert.deepEqual([1, 2, 3, 4, 5, 6].map((l) => map.origin(l)), [1, 2, 3, 7, 8, 20]);
    assert.equal(map.identity, false);
    const same = new LineMap();
    for (const origin of [1, 2, 3]) same.add(origin);
    assert.equal(same.identity, true);
  });
});
