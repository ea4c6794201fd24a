/**
 * Line settling (src/input/settle.ts): after the grammar, every line number
 * names an input line again, however the envelope joined or dropped lines,
 * and each snapshot of a stream owns the lines up to the next one's start.
 * Checked on real dumps inside a `go test -json` stream, against the same
 * dumps read as plain text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readText } from '../../src/input/pipeline.js';
import { mergeRanges } from '../../src/input/settle.js';
import { fixture } from '../helpers/paths.js';

const dumpLines = (...parts: string[]): string[] => readFileSync(fixture(...parts), 'utf8').split('\n').slice(0, -1);

/**
 * Two real dumps with log lines around them, damaged in one call line. As
 * text, and as a `go test -json` stream: a start event, then each text line
 * in two Output events followed by a pause event. Text line n comes from
 * event line 3n - 1.
 */
function stream(): { text: string; events: string; origin: (line: number) => number } {
  const first = dumpLines('leak', 'before.txt');
  first.splice(5, 1, 'main.broken(0x1');
  const lines = ['=== RUN   TestLeak', ...first, 'log: taking the second dump', ...dumpLines('leak', 'after.txt'), 'exit status 2'];
  const events = [JSON.stringify({ Action: 'start', Package: 'example.com/leak' })];
  for (const l of lines) {
    const cut = l.length >> 1;
    events.push(JSON.stringify({ Action: 'output', Test: 'TestLeak', Output: l.slice(0, cut) }));
    events.push(JSON.stringify({ Action: 'output', Test: 'TestLeak', Output: `${l.slice(cut)}\n` }));
    events.push(JSON.stringify({ Action: 'pause', Test: 'TestLeak' }));
  }
  return { text: lines.join('\n') + '\n', events: events.join('\n') + '\n', origin: (line) => 3 * line - 1 };
}

describe('line settling', () => {
  const { text, events, origin } = stream();
  const plain = readText(text).result;
  const wrapped = readText(events).result;

  it('reads the same snapshots either way', () => {
    assert.equal(plain.snapshots.length, 2);
    assert.ok(plain.snapshots[0]!.skipped.length >= 2, 'the log line and the damaged call line are skipped');
    assert.deepEqual(wrapped.snapshots.map((s) => s.total), plain.snapshots.map((s) => s.total));
  });

  it('counts the input lines, not the lines the grammar was given', () => {
    assert.equal(plain.lines, text.split('\n').length - 1);
    assert.equal(wrapped.lines, events.split('\n').length - 1);
  });

  it('gives each snapshot the input lines from its first to the next one\'s first', () => {
    const [a, b] = wrapped.snapshots;
    assert.equal(a!.firstLine, 1);
    assert.equal(b!.firstLine, origin(plain.snapshots[1]!.firstLine));
    assert.equal(a!.lastLine, b!.firstLine - 1);
    assert.equal(b!.lastLine, wrapped.lines);
  });

  it('names the input line of every goroutine header', () => {
    plain.snapshots.forEach((s, i) => {
      const w = wrapped.snapshots[i]!;
      assert.ok(s.kind === 'traceback' && w.kind === 'traceback');
      assert.ok(s.goroutines.length > 0);
      assert.deepEqual(w.goroutines.map((g) => g.line), s.goroutines.map((g) => origin(g.line)));
    });
  });

  it('reports skipped text on the input lines it came from, with the envelope\'s own events', () => {
    plain.snapshots.forEach((s, i) => {
      const skipped = wrapped.snapshots[i]!.skipped;
      const covers = (line: number): boolean => skipped.some((r) => r.first <= line && line <= r.last);
      // The damaged call line and the log lines, as input lines.
      for (const r of s.skipped) assert.ok(covers(origin(r.first)) && covers(origin(r.last)), `snapshot ${i + 1}: text lines ${r.first}-${r.last}`);
    });
    // The start event carries no text: skipped with the first snapshot.
    assert.equal(wrapped.snapshots[0]!.skipped[0]!.first, 1);
  });
});

describe('mergeRanges', () => {
  it('sorts and joins overlapping and adjacent ranges', () => {
    assert.deepEqual(
      mergeRanges([{ first: 9, last: 9 }, { first: 1, last: 3 }, { first: 4, last: 5 }, { first: 2, last: 2 }, { first: 11, last: 12 }]),
      [{ first: 1, last: 5 }, { first: 9, last: 9 }, { first: 11, last: 12 }],
    );
    assert.deepEqual(mergeRanges([]), []);
  });
});
