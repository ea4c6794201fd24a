/**
 * The Ink app in ink-testing-library's fake terminal: bytes in as a user
 * types them, frames out, on real fixtures.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { cleanup, render } from 'ink-testing-library';
import { App } from '../../src/tui/App.js';
import { fixture, HAS_REALWORLD, REALWORLD } from '../helpers/paths.js';
import { readTruth } from '../helpers/truth.js';
import { frameWhere, modelOf, modelOfText, startState, type, type Rendered } from './support.js';

const STATES = fixture('states', 'states.debug2.txt');
const HAS_STATES = existsSync(STATES);

function start(file: string, width = 100, height = 30): Rendered {
  const model = modelOf(file);
  return render(<App model={model} initial={startState(model, width, height)} />);
}

afterEach(() => cleanup());

describe('TUI app', () => {
  it('navigates list → group → goroutine → parent and back', async () => {
    const app = start(fixture('leak', 'after.txt'));
    const first = await frameWhere(app, (f) => f.includes('SITE'), 'the group list');
    const rows = first.split('\n');
    assert.match(rows[0]!, /49 goroutines in 6 sites/);
    assert.match(rows[2]!, /^›\s+40\s+81\.6%.*chan receive.*main\.watchZkName\s+← main\.FetchZkName main\.go:170/, 'the biggest group is on the first row, under the cursor');
    await type(app, 'enter');
    const group = await frameWhere(app, (f) => f.includes('MEMBERS (40'), 'the group detail');
    assert.match(group, /STACK \(as goroutine \d+ shows it\)\n\s+main\.watchZkName\(0x[0-9a-f]+, 0x0\?\)\s+main\.go:182/);
    assert.match(group, /STATES\n\s+chan receive\s+40/);
    await type(app, 'enter');
    const g = await frameWhere(app, (f) => /· goroutine \d+/.test(f), 'the goroutine detail');
    assert.match(g, /parent: goroutine 1\s+\(p or Enter opens it\)/);
    await type(app, 'p');
    const main = await frameWhere(app, (f) => f.includes('· goroutine 1 '), 'goroutine 1');
    assert.match(main, /CHILDREN \(48 goroutines it created/, 'every other goroutine of the leak program was started by main');
    await type(app, 'esc', 'esc', 'esc');
    await frameWhere(app, (f) => f.includes('SITE (function run'), 'back on the list');
  });

  it('filters incrementally and regroups', { skip: !HAS_STATES && 'fixtures/states not generated yet' }, async () => {
    const truth = readTruth(fixture('states', 'states.truth.json'));
    const app = start(STATES, 110, 40);
    await frameWhere(app, (f) => f.includes('254 goroutines in 23 sites'), 'the list');
    await type(app, '/', 'r', 'w');
    const partial = await frameWhere(app, (f) => f.includes('/rw/'), 'the filter applied while typing');
    assert.match(partial, /\/rw▏/, 'the status bar shows what is typed');
    await type(app, 'l', 'o', 'c', 'k', 'enter');
    const filtered = await frameWhere(app, (f) => f.includes('/rwlock/ 1 of 23'), 'one site left');
    const want = truth.sites.find((t) => t.entry === 'main.blockRWLock')!;
    assert.match(filtered, new RegExp(`^[› ]\\s+${want.count}\\s.*${want.state.replace(/\./g, '\\.')}.*main\\.blockRWLock`, 'm'));
    await type(app, 'esc', 'g');
    const byStack = await frameWhere(app, (f) => f.includes('by stack'), 'grouping by stack');
    assert.doesNotMatch(byStack, /\/rwlock\//, 'Esc cleared the filter');
    await type(app, 'g', 'g');
    const byState = await frameWhere(app, (f) => f.includes('by state'), 'grouping by state');
    const mutex = truth.sites.filter((t) => t.state === 'sync.Mutex.Lock').reduce((n, t) => n + t.count, 0);
    assert.match(byState, new RegExp(`^[› ]\\s+${mutex}\\s.*sync\\.Mutex\\.Lock\\s*$`, 'm'));
  });

  it('jumps to a parent that is in the dump and says when it is not', { skip: !HAS_REALWORLD && `${REALWORLD} is absent` }, async () => {
    const app = start(path.join(REALWORLD, 'uber-go-goleak-http.txt'));
    await frameWhere(app, (f) => f.includes('5 goroutines'), 'the list');
    await type(app, '/', 'w', 'r', 'i', 't', 'e', 'L', 'o', 'o', 'p', 'enter', 'enter', 'enter');
    await frameWhere(app, (f) => f.includes('· goroutine 21'), 'goroutine 21');
    await type(app, 'p');
    await frameWhere(app, (f) => f.includes('parent goroutine 5 is not in this dump'), 'the note about the exited parent');
  });

  it('truncates with an ellipsis on a narrow terminal and escapes control characters from the dump', async () => {
    // A label value with an escape sequence in it: it must not reach the terminal as one.
    const dump = [
      'goroutine 1 [running]:',
      'main.main()',
      '\t/src/app/main.go:10 +0x1d',
      '',
      'goroutine 7 [chan receive labels:{"evil": "\u001b[2J"}]:',
      'main.veryLongFunctionNameThatDoesNotFitInANarrowTerminalAtAll(0xc000010000)',
      '\t/src/app/main.go:20 +0x25',
      'created by main.main in goroutine 1',
      '\t/src/app/main.go:12 +0x30',
      '',
    ].join('\n');
    const model = modelOfText(dump, 'synthetic');
    const app = render(<App model={model} initial={startState(model, 60, 12)} />);
    const list = await frameWhere(app, (f) => f.includes('COUNT'), 'the list');
    for (const line of list.split('\n')) assert.ok(line.length <= 60, `fits in 60 columns: ${line}`);
    assert.match(list, /main\.veryLong[^\n]*…/);
    // Both sites hold one goroutine; ties are listed by key, so main.main comes first. The group's
    // first screen is its stack (the members start below it), so the second Enter walks to the
    // first member and the third opens it.
    await type(app, 'j', 'enter', 'enter', 'enter');
    const g = await frameWhere(app, (f) => f.includes('· goroutine 7'), 'goroutine 7');
    assert.ok(!(app.lastFrame() ?? '').includes('\u001b[2J'), 'the escape sequence is not passed through');
    assert.match(g, /labels: evil=\\x1b\[2J/);
  });

  it('q quits', async () => {
    const app = start(fixture('leak', 'after.txt'));
    await frameWhere(app, (f) => f.includes('SITE'), 'the list');
    await type(app, 'q');
    const seen = app.frames.length;
    await type(app, 'j', 'enter');
    // The app has exited: however Ink clears its last frame, Enter never opens the group.
    const after = app.frames.slice(seen);
    assert.ok(!after.some((f) => f.includes('group 2 of') || f.includes('MEMBERS')), `keys after q changed the screen: ${after.join('\n---\n')}`);
  });
});
