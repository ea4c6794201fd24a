/**
 * Keys that arrive together all count: Ink hands a run of plain characters
 * (key repeat, a paste, typing over SSH, tmux `send-keys -l jjj`) to the
 * app as one input event. In the reducer, and in a real terminal.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pressesOf } from '../../src/tui/presses.js';
import { currentPage, reduce, visibleDoc, type TuiState } from '../../src/tui/state.js';
import type { TuiModel } from '../../src/tui/model.js';
import { BIN, fixture } from '../helpers/paths.js';
import { TmuxSession, tmuxSkip } from '../helpers/tmux.js';
import { readTruth } from '../helpers/truth.js';
import { modelOf, startState } from './support.js';

const STATES = fixture('states', 'states.debug2.txt');

/** One input event, as Ink delivers a chunk of plain characters. */
function event(model: TuiModel, s: TuiState, input: string): TuiState {
  return reduce(model, s, { type: 'key', input, key: {} });
}

describe('keys arriving together', () => {
  it('split into one press per character; named keys and Ctrl stay whole', () => {
    assert.deepEqual(
      pressesOf('jjG', {}).map((p) => [p.input, p.key.shift]),
      [
        ['j', false],
        ['j', false],
        ['G', true],
      ],
    );
    assert.equal(pressesOf('\r', { return: true }).length, 1);
    assert.equal(pressesOf('c', { ctrl: true }).length, 1);
    assert.equal(pressesOf('é', {}).length, 1);
  });

  it('`jjj` in one event moves down three rows, as three events do', () => {
    const model = modelOf(STATES);
    const one = event(model, startState(model), 'jjj');
    let three = startState(model);
    for (let i = 0; i < 3; i++) three = event(model, three, 'j');
    assert.equal(currentPage(one).cursor, 3);
    assert.equal(currentPage(one).cursor, currentPage(three).cursor);
  });

  it('`ggg` regroups three times; `jq` quits after moving; a pasted filter is typed whole', () => {
    const model = modelOf(STATES);
    const s0 = startState(model);
    let byThree = s0;
    for (let i = 0; i < 3; i++) byThree = event(model, byThree, 'g');
    assert.deepEqual(event(model, s0, 'ggg').settings, byThree.settings);
    assert.notDeepEqual(byThree.settings, s0.settings);
    const quit = event(model, s0, 'jqj');
    assert.equal(quit.quit, true);
    assert.equal(currentPage(quit).cursor, 1, 'the j after q is not applied');
    const filtered = event(model, event(model, s0, '/'), 'blockMutex');
    assert.equal(filtered.filterText, 'blockMutex');
  });

  it('/ matches states and labels too: `/IO wait`, `/worker=`', () => {
    const truth = readTruth(fixture('states', 'states.truth.json'));
    const model = modelOf(fixture('states', 'states.tracebacklabels.stack.txt'));
    const filtered = (text: string): number => {
      const s = event(model, event(model, startState(model), '/'), text);
      assert.equal(s.filterError, null);
      return visibleDoc(model, s).length;
    };
    assert.equal(filtered('IO wait'), truth.sites.filter((t) => t.state === 'IO wait').length);
    const labelled = truth.sites.filter((t) => (t as { labels?: Record<string, string> }).labels?.['worker'] !== undefined);
    assert.ok(labelled.length > 0);
    assert.equal(filtered('worker='), labelled.length);
  });

  it('tmux send-keys -l jjj: the cursor moves three rows', { skip: tmuxSkip(), timeout: 60_000 }, async () => {
    const truth = readTruth(fixture('states', 'states.truth.json'));
    assert.ok(truth.sites.length > 4);
    const term = new TmuxSession('keys', 120, 40);
    try {
      await term.start();
      term.run(`NO_COLOR=1 ${process.execPath} ${BIN} -i ${STATES}`);
      const list = await term.screenWhere((s) => s.includes('SITE (function run'), 'the group list');
      const rows = (s: string): string[] => s.split('\n').filter((l) => /^[›\s]\s+\d+\s+[\d.]+%/.test(l));
      assert.ok(rows(list)[0]!.startsWith('›'));
      term.send(['jjj'], true);
      const cursor = (s: string): number => rows(s).findIndex((l) => l.startsWith('›'));
      const moved = await term.screenWhere((s) => cursor(s) === 3, 'the cursor three rows down (a dropped key leaves it on row 0)', 5_000);
      assert.equal(cursor(moved), 3);
      term.send(['q']);
      await term.screenWhere((s) => !s.includes('SITE (function run'), 'the UI to quit');
    } finally {
      term.kill();
    }
  });
});
