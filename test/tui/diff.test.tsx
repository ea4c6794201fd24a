/**
 * The diff and heap views: the reducer without a terminal, and the Ink app
 * in ink-testing-library's fake terminal, on the leak program's snapshots
 * and heap profiles, checked against what the programs recorded.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { cleanup, render } from 'ink-testing-library';
import { formatBytes } from '../../src/text/numbers.js';
import { App } from '../../src/tui/App.js';
import { currentPage, visibleDoc } from '../../src/tui/state.js';
import { fixture } from '../helpers/paths.js';
import { readTruth, type HeapTruthSite } from '../helpers/truth.js';
import { diffModelOf, frameWhere, heapModelOf, lines, press, screen, startState, type } from './support.js';

const BEFORE = fixture('leak', 'before.txt');
const AFTER = fixture('leak', 'after.txt');
const SERIES = [1, 2, 3].map((n) => fixture('leak', `series-${n}.txt`));

function countOf(file: string, entry: string): number {
  return readTruth(file).sites.filter((s) => s.entry === entry).reduce((n, s) => n + s.count, 0);
}

describe('diff view (reducer)', () => {
  it('starts on the site that grew most, the watcher, with Δ as the truth files differ', () => {
    const model = diffModelOf(BEFORE, AFTER);
    const s = startState(model);
    assert.equal(currentPage(s).page.kind, 'diff');
    const before = countOf(fixture('leak', 'before.truth.json'), 'main.watchZkName');
    const after = countOf(fixture('leak', 'after.truth.json'), 'main.watchZkName');
    const doc = visibleDoc(model, s);
    const first = lines(doc)[0]!;
    assert.match(first, new RegExp(`^\\s+${before}\\s+${after}\\s+\\+${after - before}\\s.*main\\.watchZkName\\s+← main\\.FetchZkName main\\.go:170`));
    assert.match(doc.title, /before\.txt → after\.txt · \d+ → \d+ goroutines .*sorted by Δ/);
    const site = model.diff!.result('site').sites[0]!;
    assert.equal(site.delta, after - before);
  });

  it('sorts by Δ, size after and name with o; g rematches on another key', () => {
    const model = diffModelOf(BEFORE, AFTER);
    let s = press(model, startState(model), 'o');
    assert.match(visibleDoc(model, s).title, /sorted by size after/);
    const afters = model.diff!.order('site', 'after', null).map((i) => model.diff!.result('site').sites[i]!.after);
    assert.deepEqual(afters, [...afters].sort((a, b) => b - a));
    s = press(model, s, 'o');
    assert.match(visibleDoc(model, s).title, /sorted by name/);
    s = press(model, s, 'o', 'g');
    assert.match(visibleDoc(model, s).title, /by stack · sorted by Δ/);
  });

  it('Enter shows the site before and after; Enter on AFTER opens the latest goroutine', () => {
    const model = diffModelOf(BEFORE, AFTER);
    const s = press(model, startState(model), 'enter');
    assert.equal(currentPage(s).page.kind, 'diffSite');
    const text = screen(model, s);
    const before = text.findIndex((l) => /^BEFORE · before\.txt · goroutine \d+/.test(l));
    const after = text.findIndex((l) => /^AFTER · after\.txt · goroutine \d+/.test(l));
    assert.ok(before >= 0 && after > before, text.join('\n'));
    assert.match(text.slice(before + 1, after).join('\n'), /main\.watchZkName\s+main\.go:182/);
    assert.match(text.slice(after + 1).join('\n'), /main\.watchZkName\s+main\.go:182[\s\S]*created by main\.FetchZkName\s+main\.go:170/);
    assert.ok(text.some((l) => /the stacks are the same/.test(l)), 'same build: nothing highlighted');
    const g = press(model, s, 'enter', 'enter');
    const page = currentPage(g).page;
    assert.equal(page.kind, 'goroutine');
    assert.equal(screen(model, g).some((l) => /main\.watchZkName/.test(l)), true);
  });

  it('highlights what changed in a moved site (shifted-after: same functions, other lines)', () => {
    const model = diffModelOf(AFTER, fixture('leak', 'shifted-after.txt'));
    const sites = model.diff!.result('site').sites;
    const index = sites.findIndex((x) => x.moved);
    assert.ok(index >= 0, 'the shifted build has a moved site');
    const row = model.diff!.order('site', 'delta', null).indexOf(index);
    const s = press(model, startState(model), ...Array<string>(row).fill('j'), 'enter');
    const doc = visibleDoc(model, s);
    const changed = Array.from({ length: doc.length }, (_, i) => doc.line(i).segments).flat().filter((x) => x.style === 'bad' || x.style === 'good');
    assert.ok(changed.some((x) => x.style === 'bad') && changed.some((x) => x.style === 'good'), 'both sides have highlighted text');
    assert.ok(changed.every((x) => /^[\d:.]+$|\w/.test(x.text)));
  });

  it('/ filters the sites by the functions in their stacks; Esc on the list clears it', () => {
    const model = diffModelOf(BEFORE, AFTER);
    const truth = readTruth(fixture('leak', 'after.truth.json'));
    const sites = model.diff!.result('site').sites.length;
    // The program's go statements, and main's own goroutine.
    assert.equal(sites, truth.sites.length + 1);
    const s = press(model, startState(model), '/', 'watchzk', 'enter');
    const body = screen(model, s);
    assert.equal(body.length, 1, body.join('\n'));
    const after = countOf(fixture('leak', 'after.truth.json'), 'main.watchZkName');
    assert.match(body[0]!, new RegExp(`\\s${after}\\s.*main\\.watchZkName`));
    assert.match(visibleDoc(model, s).title, new RegExp(`/watchzk/ 1 of ${sites}`));
    // Every site's stack passes through main: all of them match, and the title still says so.
    const all = press(model, startState(model), '/', '^main\\.', 'enter');
    assert.equal(screen(model, all).length, sites);
    const cleared = press(model, s, 'esc');
    assert.equal(screen(model, cleared).length, sites);
    assert.doesNotMatch(visibleDoc(model, cleared).title, /watchzk/);
  });

  it('a series shows the counts, a sparkline and the every-interval flag on the watcher only', () => {
    const model = diffModelOf(...SERIES);
    const doc = visibleDoc(model, startState(model));
    const truths = SERIES.map((f) => readTruth(f.replace('.txt', '.truth.json')));
    const body = lines(doc);
    const flagged = body.filter((l) => l.includes('↑ every interval'));
    assert.equal(flagged.length, 1, body.join('\n'));
    const counts = truths.map((t) => t.sites.find((x) => x.entry === 'main.watchZkName')!.count);
    assert.match(flagged[0]!, new RegExp(`^\\s+${counts.join(' ')}\\s+[▁-█]{3} ↑ every interval.*main\\.watchZkName`));
    // The batch jobs went up and down (2 → 6 → 1): no flag.
    assert.ok(body.some((l) => /main\.batchJob/.test(l) && !l.includes('every interval')));
  });
});

describe('heap view (reducer)', () => {
  it('heap-after: main.newWatchBuffer first, with the in-use bytes the leak program recorded', () => {
    const truth = readTruth(fixture('leak', 'after.truth.json')) as unknown as { heap: { sites: HeapTruthSite[] } };
    const want = truth.heap.sites[0]!;
    const model = heapModelOf(fixture('leak', 'heap-after.txt'));
    const s = startState(model);
    assert.equal(currentPage(s).page.kind, 'heap');
    const site = model.heap!.sites('top').sites[model.heap!.order('top', 'inuse_space', null)[0]!]!;
    assert.equal(site.inuseBytes, want.inuseBytes);
    assert.equal(site.inuseObjects, want.inuseObjects);
    const first = screen(model, s)[0]!;
    assert.match(first, new RegExp(`^\\s+${formatBytes(want.inuseBytes)}\\s+${want.inuseObjects}\\s.*main\\.newWatchBuffer\\s+main\\.go:${want.line}`));
    const detail = screen(model, press(model, s, 'enter'));
    assert.match(detail.join('\n'), new RegExp(`in use ${formatBytes(want.inuseBytes)} \\(${want.inuseObjects} objects\\)`));
    assert.match(detail.join('\n'), new RegExp(`STACK[^\\n]*\\n\\s+main\\.newWatchBuffer\\s+main\\.go:${want.line}\\n\\s+main\\.FetchZkName`));
  });

  it('/ filters the allocation sites by the functions in their stacks', () => {
    const truth = readTruth(fixture('leak', 'after.truth.json')) as unknown as { heap: { sites: HeapTruthSite[] } };
    const want = truth.heap.sites[0]!;
    const model = heapModelOf(fixture('leak', 'heap-after.txt'));
    const all = model.heap!.sites('top').sites.length;
    const s = press(model, startState(model), '/', 'newWatchBuffer', 'enter');
    const body = screen(model, s);
    // The rows shown are exactly the sites with main.newWatchBuffer in a stack, biggest first.
    const search = model.heap!.searchText('top');
    const matching = search.filter((t) => t.split('\n').some((name) => name.includes('newWatchBuffer'))).length;
    assert.ok(matching >= 1 && matching < all, `${matching} of ${all}`);
    assert.equal(body.length, matching);
    assert.match(body[0]!, new RegExp(`^\\s+${formatBytes(want.inuseBytes)}\\s+${want.inuseObjects}\\s.*main\\.newWatchBuffer`));
    assert.match(visibleDoc(model, s).title, new RegExp(`/newWatchBuffer/ ${body.length} of ${all}`));
  });

  it('profiles heap.debug1: every recorded site with its four values; o sorts by each', () => {
    const truth = JSON.parse(readFileSync(fixture('profiles', 'profiles.truth.json'), 'utf8')) as { heapSites: HeapTruthSite[] };
    const model = heapModelOf(fixture('profiles', 'heap.debug1.txt'));
    const heap = model.heap!;
    const sites = heap.sites('top').sites;
    for (const t of truth.heapSites) {
      const site = sites.find((x) => {
        const top = heap.classifier.topFrame(x.group.representative.frames);
        return top !== null && top.func.full === t.function && path.basename(top.file) === t.file && top.line === t.line;
      });
      assert.ok(site !== undefined, t.function);
      assert.deepEqual([site.inuseBytes, site.inuseObjects, site.allocBytes, site.allocObjects], [t.inuseBytes, t.inuseObjects, t.allocBytes, t.allocObjects], t.function);
    }
    let s = startState(model);
    const biggestInuse = [...truth.heapSites].sort((a, b) => b.inuseBytes - a.inuseBytes)[0]!;
    assert.match(screen(model, s)[0]!, new RegExp(biggestInuse.function.replace('.', '\\.')));
    s = press(model, s, 'o', 'o');
    assert.match(visibleDoc(model, s).title, /sorted by allocated bytes/);
    const biggestAlloc = [...truth.heapSites].sort((a, b) => b.allocBytes! - a.allocBytes!)[0]!;
    assert.match(screen(model, s)[0]!, new RegExp(biggestAlloc.function.replace('.', '\\.')));
    s = press(model, s, 'g');
    assert.match(visibleDoc(model, s).title, /by stack/);
  });
});

afterEach(() => cleanup());

describe('diff and heap views (Ink)', () => {
  it('diff: the watcher first, Enter shows both stacks, Esc goes back', async () => {
    const model = diffModelOf(BEFORE, AFTER);
    const app = render(<App model={model} initial={startState(model, 120, 40)} />);
    const list = await frameWhere(app, (f) => f.includes('BEFORE') && f.includes('AFTER'), 'the diff list');
    const delta = countOf(fixture('leak', 'after.truth.json'), 'main.watchZkName') - countOf(fixture('leak', 'before.truth.json'), 'main.watchZkName');
    assert.match(list.split('\n')[2]!, new RegExp(`^›\\s+\\d+\\s+\\d+\\s+\\+${delta}\\s.*main\\.watchZkName`));
    await type(app, 'enter');
    const site = await frameWhere(app, (f) => f.includes('AFTER · after.txt'), 'the site');
    assert.match(site, /BEFORE · before\.txt · goroutine \d+\n\s+main\.watchZkName\s+main\.go:182/);
    await type(app, 'esc');
    await frameWhere(app, (f) => f.includes('sorted by Δ'), 'back on the diff list');
  });

  it('heap: allocation sites, Enter shows the stack', async () => {
    const model = heapModelOf(fixture('leak', 'heap-after.txt'));
    const app = render(<App model={model} initial={startState(model, 120, 40)} />);
    const list = await frameWhere(app, (f) => f.includes('INUSE'), 'the heap list');
    assert.match(list.split('\n')[2]!, /^›.*main\.newWatchBuffer/);
    await type(app, 'enter');
    await frameWhere(app, (f) => /STACK[^\n]*\n\s+main\.newWatchBuffer/.test(f), 'the stack');
  });
});
