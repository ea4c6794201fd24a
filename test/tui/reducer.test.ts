/**
 * The reducer without a terminal: every key is a function call, checked
 * against what the fixture programs recorded in their truth files.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { entryOf } from '../../src/analysis/keys.js';
import type { Doc } from '../../src/tui/document.js';
import { keymapMarkdown, KEYMAP } from '../../src/tui/keymap.js';
import { bodyHeight, currentPage, docFor, reduce, visibleDoc, type TuiState } from '../../src/tui/state.js';
import type { TuiModel } from '../../src/tui/model.js';
import { fixture, HAS_REALWORLD, REALWORLD } from '../helpers/paths.js';
import { readTruth } from '../helpers/truth.js';
import { modelOf, press, startState } from './support.js';

const LEAK = fixture('leak', 'after.txt');
const STATES = fixture('states', 'states.debug2.txt');
const STATES_LABELS = fixture('states', 'states.tracebacklabels.stack.txt');
const HAS_STATES = existsSync(STATES) && existsSync(fixture('states', 'states.truth.json'));
const GOLEAK = path.join(REALWORLD, 'uber-go-goleak-http.txt');

function lineText(doc: Doc, i: number): string {
  return doc.line(i).segments.map((s) => s.text).join('');
}

function bodyText(doc: Doc): string[] {
  return Array.from({ length: doc.length }, (_, i) => lineText(doc, i));
}

/** The group under the cursor on the list page. */
function groupAtCursor(model: TuiModel, state: TuiState) {
  const doc = docFor(model, state, { kind: 'list' });
  const target = doc.line(currentPage(state).cursor).target;
  assert.ok(target !== undefined && target.kind === 'group', 'list rows lead to groups');
  return model.grouping(target.by).groups[target.index]!;
}

describe('group list', () => {
  it('starts on the biggest site the leak program recorded', () => {
    const truth = readTruth(fixture('leak', 'after.truth.json'));
    const biggest = [...truth.sites].sort((a, b) => b.count - a.count)[0]!;
    const model = modelOf(LEAK);
    const s = startState(model);
    const g = groupAtCursor(model, s);
    assert.equal(entryOf(g.representative)?.func.full, biggest.entry);
    assert.equal(g.count, biggest.count);
    const doc = visibleDoc(model, s);
    assert.equal(doc.length, truth.sites.length + 1, 'one row per recorded site, plus main.main (the dumping goroutine)');
    assert.match(lineText(doc, 0), new RegExp(`^\\s+${biggest.count}\\s.*${biggest.entry.replace(/\./g, '\\.')}`));
  });

  it('moves the cursor and keeps it in the window (vim keys, arrows, paging, Home/End)', { skip: !HAS_STATES && 'fixtures/states not generated yet' }, () => {
    const model = modelOf(STATES);
    const rows = visibleDoc(model, startState(model)).length;
    let s = startState(model, 100, 10);
    const h = bodyHeight(s, visibleDoc(model, s));
    assert.equal(h, 7, 'title, column headings and status bar take three of ten lines');
    s = press(model, s, 'j', 'down', 'j');
    assert.equal(currentPage(s).cursor, 3);
    s = press(model, s, 'k');
    assert.equal(currentPage(s).cursor, 2);
    s = press(model, s, 'end');
    assert.deepEqual([currentPage(s).cursor, currentPage(s).top], [rows - 1, rows - h]);
    s = press(model, s, 'down');
    assert.equal(currentPage(s).cursor, rows - 1, 'the cursor stops at the last row');
    s = press(model, s, 'home');
    assert.deepEqual([currentPage(s).cursor, currentPage(s).top], [0, 0]);
    s = press(model, s, 'pgdn');
    assert.equal(currentPage(s).cursor, h);
    assert.ok(currentPage(s).top <= h && h < currentPage(s).top + 7);
    s = press(model, s, 'pgup', 'up');
    assert.deepEqual([currentPage(s).cursor, currentPage(s).top], [0, 0]);
  });

  it('filters as the regex is typed, keeps the last valid one, Esc cancels', { skip: !HAS_STATES && 'fixtures/states not generated yet' }, () => {
    const truth = readTruth(fixture('states', 'states.truth.json'));
    const model = modelOf(STATES);
    let s = press(model, startState(model), '/', 'block(Mutex|RLock)$');
    const expected = truth.sites.filter((t) => /block(Mutex|RLock)$/i.test(t.entry)).map((t) => t.entry).sort();
    assert.equal(expected.length, 2);
    const shown = () => {
      const doc = visibleDoc(model, s);
      return Array.from({ length: doc.length }, (_, i) => {
        const t = doc.line(i).target!;
        assert.ok(t.kind === 'group');
        return entryOf(model.grouping(t.by).groups[t.index]!.representative)!.func.full;
      }).sort();
    };
    assert.deepEqual(shown(), expected);
    assert.ok(s.editingFilter);
    s = press(model, s, '(');
    assert.ok(s.filterError !== null, 'an unbalanced paren is reported');
    assert.deepEqual(shown(), expected, 'and the last valid filter stays applied');
    s = press(model, s, 'backspace', 'enter');
    assert.equal(s.editingFilter, false);
    assert.deepEqual(shown(), expected);
    // A file name matches too: every site of the program lives in main.go.
    s = press(model, s, '/', 'esc');
    assert.deepEqual(shown(), expected, 'Esc while editing restores the filter from before /');
    s = press(model, s, 'esc');
    assert.equal(visibleDoc(model, s).length, model.grouping('site').groups.length, 'Esc on the list clears the filter');
    s = press(model, s, '/', 'states/main\\.go');
    assert.equal(visibleDoc(model, s).length, model.grouping('site').groups.length, 'file names are searched');
  });

  it('g cycles site → stack → top → state → label and the groups follow the truth', { skip: !HAS_STATES && 'fixtures/states not generated yet' }, () => {
    const truth = readTruth(fixture('states', 'states.truth.json'));
    const model = modelOf(STATES_LABELS);
    let s = startState(model);
    assert.deepEqual(model.groupByModes, ['site', 'stack', 'top', 'state', 'label:worker']);
    s = press(model, s, 'g');
    assert.equal(s.settings.groupBy, 'stack');
    s = press(model, s, 'g', 'g');
    assert.equal(s.settings.groupBy, 'state');
    const byState = new Map(model.grouping('state').groups.map((g) => [g.key, g.count]));
    for (const state of ['sync.Mutex.Lock', 'sync.RWMutex.RLock', 'sync.Cond.Wait', 'select (no cases)']) {
      const want = truth.sites.filter((t) => t.state === state).reduce((n, t) => n + t.count, 0);
      assert.equal(byState.get(state), want, state);
    }
    assert.match(visibleDoc(model, s).title, /by state/);
    s = press(model, s, 'g');
    assert.equal(s.settings.groupBy, 'label:worker');
    const byLabel = new Map(model.grouping('label:worker').groups.map((g) => [g.key, g.count]));
    for (const t of truth.sites) {
      const worker = (t as { labels?: Record<string, string> }).labels?.['worker'];
      if (worker !== undefined) assert.equal(byLabel.get(worker), t.count, `worker=${worker}`);
    }
    s = press(model, s, 'g');
    assert.equal(s.settings.groupBy, 'site');
    assert.equal(currentPage(s).cursor, 0);
  });

  it('o sorts by name and by wait age', () => {
    const model = modelOf(LEAK);
    let s = press(model, startState(model), 'o');
    assert.equal(s.settings.sort, 'name');
    const titles = bodyText(visibleDoc(model, s)).map((l) => l.slice(l.indexOf('main.')));
    assert.deepEqual(titles, [...titles].sort());
    s = press(model, s, 'o');
    assert.equal(s.settings.sort, 'wait');
    s = press(model, s, 'o');
    assert.equal(s.settings.sort, 'count');
  });
});

describe('drill-down', () => {
  it('Enter opens the group with its stack and members; Enter on a member opens the goroutine; Esc goes back', () => {
    const model = modelOf(LEAK);
    let s = press(model, startState(model), 'enter');
    assert.equal(currentPage(s).page.kind, 'group');
    const doc = visibleDoc(model, s);
    const text = bodyText(doc);
    assert.ok(text.some((l) => /^\s+main\.watchZkName\(.*main\.go:182/.test(l)), 'the stack is shown');
    assert.ok(text.some((l) => /created by main\.FetchZkName in goroutine 1\s+main\.go:170/.test(l)));
    assert.ok(text.includes('MEMBERS (40, Enter opens one)'));
    const member = doc.line(currentPage(s).cursor).target;
    assert.ok(member?.kind === 'goroutine', 'the cursor starts on the first member');
    s = press(model, s, 'enter');
    assert.deepEqual(currentPage(s).page, { kind: 'goroutine', id: member.id });
    s = press(model, s, 'esc');
    assert.equal(currentPage(s).page.kind, 'group');
    s = press(model, s, 'backspace');
    assert.equal(currentPage(s).page.kind, 'list');
    s = press(model, s, 'del');
    assert.equal(s.pages.length, 1, 'back on the first page stays there');
  });

  it('p jumps to the parent; the parent lists its children', { skip: !HAS_STATES && 'fixtures/states not generated yet' }, () => {
    const truth = readTruth(fixture('states', 'states.truth.json'));
    const child = truth.sites.find((t) => t.scenario === 'spawnedChild')!;
    const parent = truth.sites.find((t) => t.scenario === (child as { parentScenario?: string }).parentScenario)!;
    const model = modelOf(STATES);
    let s = press(model, startState(model), '/', `^${child.entry.replace(/\./g, '\\.')}$`, 'enter', 'enter');
    assert.equal(currentPage(s).page.kind, 'group');
    s = press(model, s, 'enter');
    const page = currentPage(s).page;
    assert.ok(page.kind === 'goroutine');
    assert.equal(entryOf({ frames: model.goroutine(page.id)!.frames } as never)?.func.full, child.entry);
    s = press(model, s, 'p');
    const up = currentPage(s).page;
    assert.ok(up.kind === 'goroutine');
    const spawner = model.goroutine(up.id)!;
    assert.equal(spawner.frames[spawner.frames.length - 1]!.func.full, parent.entry);
    const text = bodyText(visibleDoc(model, s));
    assert.ok(text.includes(`CHILDREN (${child.count} goroutines it created, Enter opens one)`), text.join('\n'));
    assert.equal(text.filter((l) => l.includes(child.entry)).length, child.count);
    s = press(model, s, 'enter');
    assert.deepEqual(visibleDoc(model, s).line(currentPage(s).cursor).target, { kind: 'goroutine', id: spawner.parentId }, 'Enter walks to the next line that leads somewhere: the parent line');
    s = press(model, s, 'end', 'enter');
    const back = currentPage(s).page;
    assert.ok(back.kind === 'goroutine' && model.goroutine(back.id)!.parentId === spawner.id);
  });

  it('p says so when the parent has exited', { skip: !HAS_REALWORLD && `${REALWORLD} is absent` }, () => {
    const model = modelOf(GOLEAK);
    // goroutine 20 was created in goroutine 5, which is not in the dump; goroutine 4 in goroutine 1, which is.
    let s = press(model, startState(model), '/', 'readLoop', 'enter', 'enter', 'enter');
    assert.deepEqual(currentPage(s).page, { kind: 'goroutine', id: 20 });
    s = press(model, s, 'p');
    assert.deepEqual(currentPage(s).page, { kind: 'goroutine', id: 20 });
    assert.match(s.message ?? '', /parent goroutine 5 is not in this dump/);
    // goroutine 8 (a connection) was created in goroutine 4 (the server), created in goroutine 1 (main).
    s = press(model, s, 'esc', 'esc', 'esc', '/', 'conn\\)\\.serve', 'enter', 'enter', 'enter');
    assert.deepEqual(currentPage(s).page, { kind: 'goroutine', id: 8 });
    s = press(model, s, 'p');
    assert.deepEqual(currentPage(s).page, { kind: 'goroutine', id: 4 });
    s = press(model, s, 'p');
    assert.deepEqual(currentPage(s).page, { kind: 'goroutine', id: 1 });
    assert.match(bodyText(visibleDoc(model, s)).join('\n'), /CHILDREN \(1 goroutine it created/);
    s = press(model, s, 'esc', 'esc');
    assert.deepEqual(currentPage(s).page, { kind: 'goroutine', id: 8 }, 'Esc walks back the jumps');
  });

  it('s hides runtime and standard library frames; f shows full paths', { skip: !HAS_STATES && 'fixtures/states not generated yet' }, () => {
    const model = modelOf(STATES);
    let s = press(model, startState(model), '/', '^main\\.blockIOWait$', 'enter', 'enter');
    const before = bodyText(visibleDoc(model, s));
    assert.ok(before.some((l) => /internal\/poll\./.test(l)), 'the IO wait stack goes through internal/poll');
    s = press(model, s, 's');
    const after = bodyText(visibleDoc(model, s));
    assert.ok(!after.some((l) => /internal\/poll\.|net\.\(\*conn\)/.test(l)));
    assert.ok(after.some((l) => /runtime\/stdlib frames hidden/.test(l)));
    assert.ok(after.some((l) => /main\.blockIOWait/.test(l)));
    assert.ok(!before.some((l) => l.includes('/work/main/fixtures/gen/states/main.go')));
    s = press(model, s, 'f');
    assert.ok(bodyText(visibleDoc(model, s)).some((l) => l.includes('fixtures/gen/states/main.go:')));
  });
});

describe('window and help', () => {
  it('a resize re-fits the window around the cursor', { skip: !HAS_STATES && 'fixtures/states not generated yet' }, () => {
    const model = modelOf(STATES);
    let s = press(model, startState(model, 120, 40), 'end');
    s = reduce(model, s, { type: 'resize', width: 60, height: 8 });
    const p = currentPage(s);
    assert.ok(p.cursor >= p.top && p.cursor < p.top + bodyHeight(s, visibleDoc(model, s)));
  });

  it('? shows every binding of the keymap, any other key closes it, q quits', () => {
    const model = modelOf(LEAK);
    let s = press(model, startState(model), '?');
    const help = bodyText(visibleDoc(model, s));
    for (const b of KEYMAP) assert.ok(help.some((l) => l.includes(b.label) && l.includes(b.help)), b.label);
    s = press(model, s, 'x');
    assert.equal(s.help, null);
    assert.equal(press(model, s, 'q').quit, true);
    assert.equal(press(model, s, 'ctrl-c').quit, true);
    assert.equal(press(model, s, '/', 'ctrl-c').quit, true, 'Ctrl-C quits while typing a filter too');
    assert.equal(keymapMarkdown().split('\n').length, KEYMAP.length + 2);
  });
});
