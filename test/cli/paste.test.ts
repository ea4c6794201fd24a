/**
 * `gdump` (or `gdump -`) typed on a terminal with nothing piped in: a
 * one-line prompt on stderr, then the pasted dump is read until Ctrl-D.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BIN, fixture } from '../helpers/paths.js';
import { TmuxSession, tmuxSkip } from '../helpers/tmux.js';
import { readTruth } from '../helpers/truth.js';

describe('a dump pasted into the terminal', () => {
  for (const args of [[], ['-']]) {
    it(`gdump ${args.join(' ')}: prompts, reads the paste until Ctrl-D, reports it`, { skip: tmuxSkip(), timeout: 60_000 }, async () => {
      const truth = readTruth(fixture('leak', 'after.truth.json'));
      const term = new TmuxSession(`paste${args.length}`, 120, 50);
      try {
        await term.start();
        term.run(`NO_COLOR=1 ${process.execPath} ${BIN} ${args.join(' ')} --stacks 0`);
        await term.screenWhere((s) => s.includes('gdump: paste a goroutine dump'), 'the prompt');
        term.tmux('load-buffer', '-b', 'dump', fixture('leak', 'after.txt'));
        term.tmux('paste-buffer', '-b', 'dump', '-t', term.target);
        term.send(['C-d']);
        const screen = await term.screenWhere((s) => /lines read/.test(s), 'the report');
        assert.match(screen, new RegExp(`goroutine dump, ${truth.numGoroutine} goroutines`));
        const watcher = truth.sites.find((s) => s.entry === 'main.watchZkName')!;
        assert.match(screen, new RegExp(`^\\s+${watcher.count}\\s+[\\d.]+%\\s+chan receive\\s+main\\.watchZkName`, 'm'));
      } finally {
        term.kill();
      }
    });
  }
});
