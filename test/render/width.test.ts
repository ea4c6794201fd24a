/**
 * Every table row fits the terminal: measured with escape sequences left
 * out, wide characters as two columns, the 2-space indent counted. In a
 * real terminal (tmux at 80 and 120 columns) no table row wraps, and a
 * watch redraw leaves no stale line behind.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { renderTable, type Column } from '../../src/render/table.js';
import { displayWidth, fitToWidth } from '../../src/render/width.js';
import { BIN, fixture } from '../helpers/paths.js';
import { PROMPT, TmuxSession, tmuxSkip } from '../helpers/tmux.js';

const RED = (s: string): string => `\u001b[31m${s}\u001b[39m`;

describe('display width', () => {
  it('leaves escape sequences out and counts wide characters twice', () => {
    assert.equal(displayWidth(RED('abc')), 3);
    assert.equal(displayWidth('\u001b]8;;file:///x.go\u001b\\x.go:1\u001b]8;;\u001b\\'), 6);
    assert.equal(displayWidth('日本'), 4);
    assert.equal(displayWidth('← …'), 3);
  });

  it('cuts a styled line to the width with an ellipsis and a reset', () => {
    const cut = fitToWidth(RED('abcdefgh'), 5);
    assert.equal(displayWidth(cut), 5);
    assert.ok(cut.startsWith('\u001b[31mabcd…'));
    assert.ok(cut.endsWith('\u001b[0m'));
    assert.equal(fitToWidth('abc', 3), 'abc');
    assert.equal(displayWidth(fitToWidth('日本語', 4)), 3);
  });
});

describe('renderTable', () => {
  const columns: Column[] = [
    { title: 'COUNT', align: 'right' },
    { title: 'SITE', align: 'left', flexible: true },
  ];
  const rows = [[{ text: '12', style: RED }, { text: 'main.f  ← main.main ' + 'x'.repeat(200) }]];

  for (const width of [40, 80, 120]) {
    it(`cuts rows to exactly ${width} columns, indent included`, () => {
      const lines = renderTable(columns, rows, width, (s) => s);
      assert.equal(displayWidth(lines[1]!), width);
      for (const l of lines) assert.ok(displayWidth(l) <= width, l);
    });
  }

  it('cuts a row whose fixed columns alone are wider than the terminal', () => {
    const wide = [[{ text: '9'.repeat(30) }, { text: 'main.f' }]];
    const [, row] = renderTable(columns, wide, 20, (s) => s);
    assert.equal(displayWidth(row!), 20);
  });
});

/** Table rows on a screen: from a line of column titles to the next blank or `… more` line. */
function tableRows(screen: string): string[] {
  const rows: string[] = [];
  let inTable = false;
  for (const line of screen.split('\n')) {
    if (/^ {2,}(COUNT|BEFORE|COUNTS|NOW|INUSE|DELAY)\s/.test(line)) inTable = true;
    else if (line.trim() === '' || /^ {2}… /.test(line)) inTable = false;
    if (inTable) rows.push(line);
  }
  return rows;
}

for (const columns of [80, 120]) {
  describe(`a ${columns}-column terminal (tmux)`, () => {
    it('no table row wraps: goroutine, diff, series, heap, heap diff', { skip: tmuxSkip(), timeout: 90_000 }, async () => {
      const term = new TmuxSession(`width${columns}`, columns, 60);
      const commands = [
        `${fixture('states', 'states.debug2.txt')} --full-paths --stacks 0 --top 8`,
        `diff ${fixture('leak', 'before.txt')} ${fixture('leak', 'after.txt')} --full-paths --stacks 0`,
        `diff ${fixture('leak', 'series-1.txt')} ${fixture('leak', 'series-2.txt')} ${fixture('leak', 'series-3.txt')} --full-paths --stacks 0`,
        `${fixture('profiles', 'heap.debug1.txt')} --full-paths --stacks 0 --top 5`,
        `diff ${fixture('leak', 'heap-before.txt')} ${fixture('leak', 'heap-after.txt')} --full-paths --stacks 0 --top 5`,
      ];
      try {
        await term.start();
        for (const [i, args] of commands.entries()) {
          term.clear();
          // A marker of its own per command: the previous command's cannot end the wait.
          term.run(`${process.execPath} ${BIN} ${args}; echo DONE-$((${i} + 1))`);
          await term.screenWhere((s) => new RegExp(`^DONE-${i + 1}$`, 'm').test(s), `gdump ${args}`);
          // -J joins the rows the terminal wrapped: a wrapped table row comes back longer than the screen.
          const rows = tableRows(term.screen(true));
          assert.ok(rows.length >= 2, `a table on the screen of gdump ${args}:\n${term.screen()}`);
          for (const row of rows) assert.ok(displayWidth(row) <= columns, `a row of gdump ${args} wraps (${displayWidth(row)} columns):\n${row}`);
        }
      } finally {
        term.kill();
      }
    });

    it('a watch redraw leaves no stale line', { skip: tmuxSkip(), timeout: 90_000 }, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'gdump-watch-'));
      const target = path.join(dir, 'dump.txt');
      copyFileSync(fixture('leak', 'after.txt'), target);
      const term = new TmuxSession(`watch${columns}`, columns, 40);
      try {
        await term.start();
        term.clear();
        term.run(`${process.execPath} ${BIN} watch ${target} --every 100ms --count 4 --full-paths --stacks 0 --top 6; echo WATCH-$((1 + 1))`);
        const screen = await term.screenWhere((s) => /^WATCH-2$/m.test(s), 'the watch to end');
        // Each redraw replaces the last: one title line is left, that of snapshot 4, above the final diff.
        const titles = screen.split('\n').filter((l) => /: snapshot \d+/.test(l));
        assert.deepEqual(titles.map((l) => /snapshot (\d+)/.exec(l)![1]), ['4'], `one watch title on screen:\n${screen}`);
        assert.equal(screen.split('\n').filter((l) => l.includes('Ctrl-C stops')).length, 1, screen);
        assert.ok(!screen.includes(PROMPT + PROMPT));
      } finally {
        term.kill();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
