/**
 * The contention view (block and mutex profiles): the reducer without a
 * terminal and the Ink app in ink-testing-library's fake terminal, on the
 * profiles program's dumps, checked against the events it recorded
 * (SetBlockProfileRate(1), SetMutexProfileFraction(1): every event counted).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterEach, describe, it } from 'node:test';
import { cleanup, render } from 'ink-testing-library';
import { App } from '../../src/tui/App.js';
import { currentPage, visibleDoc } from '../../src/tui/state.js';
import { fixture } from '../helpers/paths.js';
import { frameWhere, heapModelOf, lines, press, screen, startState, type } from './support.js';

interface ContentionTruth {
  function: string;
  events: number;
  minTotalDelayNs: number;
}

const truth = JSON.parse(readFileSync(fixture('profiles', 'profiles.truth.json'), 'utf8')) as { contention: { block: ContentionTruth[]; mutex: ContentionTruth[] } };
const BLOCK = fixture('profiles', 'block.debug1.txt');
const MUTEX = fixture('profiles', 'mutex.debug1.txt');

/** Events on the rows whose site is `fn` (a function's events may split over several records and lines). */
function eventsOf(rows: readonly string[], fn: string): number {
  const pattern = new RegExp(`^\\s+\\S+\\s+[\\d.]*%?\\s+(\\d+)\\s+${fn.replace(/[.*()]/g, '\\$&')}\\s`);
  return rows.reduce((n, r) => n + Number(pattern.exec(r)?.[1] ?? 0), 0);
}

describe('contention view (reducer)', () => {
  it('block: sites by delay, with the events the program caused at each', () => {
    const model = heapModelOf(BLOCK);
    const s = startState(model);
    assert.equal(currentPage(s).page.kind, 'contention');
    const doc = visibleDoc(model, s);
    assert.match(doc.title, /block profile · \d+ sites · delay .* over \d+ events · by top · sorted by delay/);
    const rows = lines(doc);
    const sites = model.contention!.sites('top').sites;
    assert.ok(sites.every((x, i) => i === 0 || (sites[i - 1]!.delaySeconds ?? 0) >= (x.delaySeconds ?? 0)), 'biggest delay first');
    for (const t of truth.contention.block) {
      assert.equal(eventsOf(rows, t.function), t.events, `${t.function}:\n${rows.join('\n')}`);
      const delay = sites.filter((x) => x.group.representative.frames.some((f) => f.func.full === t.function)).reduce((n, x) => n + (x.delaySeconds ?? 0), 0);
      assert.ok(delay * 1e9 >= t.minTotalDelayNs, `${t.function}: ${delay}s ≥ ${t.minTotalDelayNs}ns`);
    }
  });

  it('o sorts by events, / filters, Enter shows the site and its stack', () => {
    const model = heapModelOf(BLOCK);
    const byEvents = press(model, startState(model), 'o');
    assert.match(visibleDoc(model, byEvents).title, /sorted by events/);
    const order = model.contention!.order('top', 'events', null).map((i) => model.contention!.sites('top').sites[i]!.contentions);
    assert.deepEqual(order, [...order].sort((a, b) => b - a));

    const chan = truth.contention.block.find((t) => t.function === 'main.blockOnChan')!;
    const filtered = press(model, startState(model), '/', 'blockOnChan', 'enter');
    const rows = screen(model, filtered);
    assert.equal(eventsOf(rows, chan.function), chan.events);
    assert.ok(rows.every((r) => r.includes('main.blockOnChan')), rows.join('\n'));

    const site = press(model, filtered, 'enter');
    assert.equal(currentPage(site).page.kind, 'contentionSite');
    const text = screen(model, site).join('\n');
    assert.match(text, new RegExp(`delay \\S+  [\\d.]+% of the delay · ${chan.events} events`));
    // The runtime's frames lead (a block profile keeps them), then the program's.
    assert.match(text, /STACK \(record at input line \d+\)\n(\s+runtime\.[^\n]*\n)*\s+main\.blockOnChan\s+main\.go:\d+/);
  });

  it('mutex: the unlocking function carries the waiters’ events', () => {
    const model = heapModelOf(MUTEX);
    const s = startState(model);
    assert.match(visibleDoc(model, s).title, /mutex profile/);
    for (const t of truth.contention.mutex) assert.equal(eventsOf(screen(model, s), t.function), t.events);
    assert.match(screen(model, press(model, s, 'enter')).join('\n'), /charged to the stack that unlocked/);
  });
});

afterEach(() => cleanup());

describe('contention view (Ink)', () => {
  it('block: the sites, Enter shows the stack, Esc goes back', async () => {
    const model = heapModelOf(BLOCK);
    const app = render(<App model={model} initial={startState(model, 120, 40)} />);
    const list = await frameWhere(app, (f) => f.includes('DELAY') && f.includes('EVENTS'), 'the contention list');
    assert.match(list.split('\n')[2]!, /^›.*main\.contendMutex/);
    await type(app, 'enter');
    await frameWhere(app, (f) => /STACK[^\n]*\n(\s+\S+[^\n]*\n)*\s+main\.contendMutex/.test(f), 'the stack');
    await type(app, 'esc');
    await frameWhere(app, (f) => f.includes('sorted by delay'), 'back on the list');
  });
});
