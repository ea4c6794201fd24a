/**
 * The interactive state and its reducer. Pure: (model, state, action) →
 * state, with no terminal involved, so every key can be tested by calling a
 * function. The state holds the visible window of each page (cursor and
 * first visible line); the model stays outside, and pages refer into it by
 * indexes and ids.
 */
import type { Key } from 'ink';
import type { Frame } from '../model/frame.js';
import { nextTarget, type Doc, type Target } from './document.js';
import { actionFor, type KeyAction, type Where } from './keymap.js';
import { HEAP_SAMPLES } from '../model/profile.js';
import { kindOf } from '../kinds/index.js';
import { CONTENTION_SORTS } from './contention-model.js';
import { DIFF_SORTS } from './diff-model.js';
import { SORT_ORDERS, type TuiModel } from './model.js';
import { pressesOf } from './presses.js';
import { compileFilter } from './search.js';
import type { ViewSettings } from './views/context.js';
import { contentionListDoc } from './views/contention-list.js';
import { contentionSiteDoc } from './views/contention-site.js';
import { diffListDoc } from './views/diff-list.js';
import { diffSiteDoc } from './views/diff-site.js';
import { goroutineDoc } from './views/goroutine-detail.js';
import { groupDetailDoc } from './views/group-detail.js';
import { groupListDoc } from './views/group-list.js';
import { heapListDoc } from './views/heap-list.js';
import { heapSiteDoc } from './views/heap-site.js';
import { helpDoc } from './views/help.js';
import { spawnChainDoc } from './views/spawn-chain.js';

/** A page is a first page (group list, diff, heap or contention sites) or where a line's target leads. */
export type Page = { readonly kind: 'list' } | { readonly kind: 'diff' } | { readonly kind: 'heap' } | { readonly kind: 'contention' } | Target;

/** A page and its window: the cursor line and the first line on screen. */
export interface PageState {
  readonly page: Page;
  readonly cursor: number;
  readonly top: number;
}

export interface TuiState {
  readonly settings: ViewSettings;
  /** The filter as typed (it may not compile yet). */
  readonly filterText: string;
  readonly filterError: string | null;
  readonly editingFilter: boolean;
  /** The filter before `/`, restored by Esc. */
  readonly filterBeforeEdit: string;
  /** Navigation stack; the last page is on screen. */
  readonly pages: readonly PageState[];
  /** The help overlay's window, when open. */
  readonly help: PageState | null;
  readonly width: number;
  readonly height: number;
  /** One-line note for the status bar (why `p` did nothing, …). */
  readonly message: string | null;
  /** `e`: the frame to open in the editor (the app runs it, then sends a note); `seq` tells two presses apart. */
  readonly edit: { readonly frame: Frame; readonly seq: number } | null;
  readonly quit: boolean;
}

export type TuiAction =
  | { readonly type: 'key'; readonly input: string; readonly key: Partial<Key> }
  | { readonly type: 'resize'; readonly width: number; readonly height: number }
  /** What came of an outside action (the editor): shown in the status bar. */
  | { readonly type: 'note'; readonly message: string };

/** Title bar and status bar. */
const CHROME_LINES = 2;

/** Settings of the diff, heap and contention views: their models say where they start. */
type ModelSettings = 'groupBy' | 'diffBy' | 'diffSort' | 'heapBy' | 'heapSample' | 'contentionBy' | 'contentionSort';

/** The first page: the diff of a series, the sites of a heap or contention profile, else the group list. */
function rootPage(model: TuiModel): Page {
  return model.diff !== null ? { kind: 'diff' } : { kind: kindOf(model.snapshot).firstPage };
}

export function initialState(model: TuiModel, settings: Omit<ViewSettings, ModelSettings> & Partial<Pick<ViewSettings, ModelSettings>>, width: number, height: number): TuiState {
  const state: TuiState = {
    settings: {
      groupBy: model.options.groupBy,
      diffBy: model.diff?.initialBy ?? 'site',
      diffSort: 'delta',
      heapBy: model.heap?.initialBy ?? 'top',
      heapSample: model.heap?.initialSample ?? 'inuse_space',
      contentionBy: model.contention?.initialBy ?? 'top',
      contentionSort: 'delay',
      ...settings,
    },
    filterText: '',
    filterError: null,
    editingFilter: false,
    filterBeforeEdit: '',
    pages: [{ page: rootPage(model), cursor: 0, top: 0 }],
    help: null,
    width,
    height,
    message: null,
    edit: null,
    quit: false,
  };
  return state;
}

export function currentPage(state: TuiState): PageState {
  return state.pages[state.pages.length - 1]!;
}

export function docFor(model: TuiModel, state: TuiState, page: Page): Doc {
  switch (page.kind) {
    case 'list':
      return groupListDoc(model, { ...state.settings, width: state.width });
    case 'group':
      return groupDetailDoc(model, state.settings, page.by, page.index);
    case 'goroutine':
      return goroutineDoc(model, state.settings, page.id);
    case 'diff':
      return diffListDoc(diffOf(model), { ...state.settings, width: state.width });
    case 'diffSite':
      return diffSiteDoc(model, diffOf(model), state.settings, page.by, page.index);
    case 'heap':
      return heapListDoc(heapOf(model), model.source, state.settings);
    case 'heapSite':
      return heapSiteDoc(heapOf(model), model.source, state.settings, page.by, page.index);
    case 'contention':
      return contentionListDoc(contentionOf(model), model.source, state.settings);
    case 'contentionSite':
      return contentionSiteDoc(contentionOf(model), model.source, state.settings, page.by, page.index);
    case 'chain':
      return spawnChainDoc(model, state.settings, page.site);
  }
}

/** Diff, heap and contention pages exist only when the model has one (rootPage). */
function diffOf(model: TuiModel) {
  if (model.diff === null) throw new Error('a diff page without a diff');
  return model.diff;
}

function heapOf(model: TuiModel) {
  if (model.heap === null) throw new Error('a heap page without a heap profile');
  return model.heap;
}

function contentionOf(model: TuiModel) {
  if (model.contention === null) throw new Error('a contention page without a block or mutex profile');
  return model.contention;
}

/** The document on screen: the help overlay when open, else the current page. */
export function visibleDoc(model: TuiModel, state: TuiState): Doc {
  return state.help !== null ? helpDoc() : docFor(model, state, currentPage(state).page);
}

/** Body lines that fit under the title, the fixed headings, and above the status bar. */
export function bodyHeight(state: Pick<TuiState, 'height'>, doc: Doc): number {
  return Math.max(1, state.height - CHROME_LINES - doc.fixed.length);
}

/** Clamps the cursor to the document and scrolls the window just enough to show it. */
export function fitWindow(p: PageState, length: number, height: number): PageState {
  const cursor = Math.max(0, Math.min(p.cursor, length - 1));
  let top = Math.min(p.top, Math.max(0, length - height));
  if (cursor < top) top = cursor;
  if (cursor >= top + height) top = cursor - height + 1;
  top = Math.max(0, top);
  return cursor === p.cursor && top === p.top ? p : { ...p, cursor, top };
}

function move(p: PageState, action: KeyAction, length: number, height: number): PageState {
  const delta: Partial<Record<KeyAction, number>> = { up: -1, down: 1, pageUp: -height, pageDown: height };
  let cursor = p.cursor;
  if (action === 'home') cursor = 0;
  else if (action === 'end') cursor = length - 1;
  else cursor += delta[action] ?? 0;
  // Paging moves the window with the cursor, as in less.
  const top = action === 'pageUp' || action === 'pageDown' ? p.top + (delta[action] ?? 0) : p.top;
  return fitWindow({ ...p, cursor, top: Math.max(0, top) }, length, height);
}

function openPage(model: TuiModel, state: TuiState, page: Page): TuiState {
  const draft: PageState = { page, cursor: 0, top: 0 };
  const doc = docFor(model, state, page);
  const height = bodyHeight(state, doc);
  // Start on the first member when it is on the first screen; else at the top, so the stack is seen first.
  const cursor = doc.initialCursor < height ? doc.initialCursor : 0;
  return { ...state, pages: [...state.pages, fitWindow({ ...draft, cursor }, doc.length, height)], message: null };
}

function replaceCurrent(state: TuiState, p: PageState): TuiState {
  return { ...state, pages: [...state.pages.slice(0, -1), p] };
}

/** After a setting changed what the documents hold: re-clamp every page's window. */
function refit(model: TuiModel, state: TuiState, resetList = false): TuiState {
  const pages = state.pages.map((p) => {
    const doc = docFor(model, state, p.page);
    const start = resetList && (p.page.kind === 'list' || p.page.kind === 'diff' || p.page.kind === 'heap' || p.page.kind === 'contention') ? { ...p, cursor: 0, top: 0 } : p;
    return fitWindow(start, doc.length, bodyHeight(state, doc));
  });
  const help = state.help === null ? null : fitWindow(state.help, helpDoc().length, bodyHeight(state, helpDoc()));
  return { ...state, pages, help };
}

function setFilter(model: TuiModel, state: TuiState, text: string): TuiState {
  const { regex, error } = compileFilter(text);
  const settings = error === null ? { ...state.settings, filter: regex } : state.settings;
  return refit(model, { ...state, filterText: text, filterError: error, settings }, true);
}

function editFilter(model: TuiModel, state: TuiState, input: string, key: Partial<Key>): TuiState {
  if (key.return === true) return { ...state, editingFilter: false };
  if (key.escape === true) return { ...setFilter(model, state, state.filterBeforeEdit), editingFilter: false };
  if (key.ctrl === true && input === 'c') return { ...state, quit: true };
  if (key.backspace === true || key.delete === true) return setFilter(model, state, state.filterText.slice(0, -1));
  if (key.ctrl === true || key.meta === true || input === '' || /[\u0000-\u001f\u007f]/.test(input)) return state;
  return setFilter(model, state, state.filterText + input);
}

function whereOf(page: Page): Where {
  return page.kind;
}

function onKey(model: TuiModel, state: TuiState, input: string, key: Partial<Key>): TuiState {
  if (state.editingFilter) return editFilter(model, state, input, key);
  const current = currentPage(state);
  if (state.help !== null) {
    const action = actionFor(input, key, 'all');
    if (action === 'quit') return { ...state, quit: true };
    if (action === 'up' || action === 'down' || action === 'pageUp' || action === 'pageDown' || action === 'home' || action === 'end') {
      const doc = helpDoc();
      return { ...state, help: move(state.help, action, doc.length, bodyHeight(state, doc)) };
    }
    return { ...state, help: null };
  }
  const action = actionFor(input, key, whereOf(current.page));
  if (action === null) return state.message === null ? state : { ...state, message: null };
  const doc = docFor(model, state, current.page);
  const height = bodyHeight(state, doc);
  const s = state.message === null ? state : { ...state, message: null };
  switch (action) {
    case 'up':
    case 'down':
    case 'pageUp':
    case 'pageDown':
    case 'home':
    case 'end':
      return replaceCurrent(s, move(current, action, doc.length, height));
    case 'open': {
      if (doc.length === 0) return s;
      const target = doc.line(current.cursor).target;
      if (target !== undefined) return openPage(model, s, target);
      // On a line that leads nowhere, Enter walks to the next one that does (the first member, the first child).
      const next = nextTarget(doc, current.cursor + 1);
      return next < 0 ? s : replaceCurrent(s, fitWindow({ ...current, cursor: next }, doc.length, height));
    }
    case 'back':
      if (state.pages.length > 1) return { ...s, pages: state.pages.slice(0, -1) };
      return state.filterText !== '' ? setFilter(model, s, '') : s;
    case 'quit':
      return { ...s, quit: true };
    case 'help':
      return { ...s, help: { page: { kind: 'list' }, cursor: 0, top: 0 } };
    case 'regroup':
      return refit(model, { ...s, settings: regrouped(model, current.page, s.settings) }, true);
    case 'sort':
      return refit(model, { ...s, settings: resorted(current.page, s.settings) }, true);
    case 'filter':
      return { ...s, editingFilter: true, filterBeforeEdit: s.filterText };
    case 'toggleRuntime':
      return refit(model, { ...s, settings: { ...s.settings, hideRuntime: !s.settings.hideRuntime } });
    case 'toggleFullPaths':
      return refit(model, { ...s, settings: { ...s.settings, fullPaths: !s.settings.fullPaths } });
    case 'parent': {
      if (current.page.kind !== 'goroutine') return s;
      const g = model.goroutine(current.page.id)!;
      if (g.parentId === null) return { ...s, message: `goroutine ${g.id} names no parent (Go before 1.21 does not print "in goroutine N")` };
      if (model.goroutine(g.parentId) === undefined) return { ...s, message: `parent goroutine ${g.parentId} is not in this dump (it has exited)` };
      return openPage(model, s, { kind: 'goroutine', id: g.parentId });
    }
    case 'edit': {
      const g = current.page.kind === 'goroutine' ? model.goroutine(current.page.id) : current.page.kind === 'group' ? model.grouping(current.page.by).groups[current.page.index]!.representative : undefined;
      const frame = g === undefined ? null : model.classifier.topFrame(g.frames);
      if (frame === null || frame.line === 0) return { ...s, message: 'no source line here' };
      return { ...s, edit: { frame, seq: (state.edit?.seq ?? 0) + 1 } };
    }
    case 'chain': {
      const site = chainSite(model, current.page, doc.length === 0 ? undefined : doc.line(current.cursor).target);
      if (site === null) return { ...s, message: 'no group under the cursor' };
      return openPage(model, s, { kind: 'chain', site });
    }
  }
}

/** The creation site `t` shows the chain of: the group under the cursor, the group open, or the goroutine open. */
function chainSite(model: TuiModel, page: Page, target: Target | undefined): string | null {
  if (page.kind === 'group') return model.siteOfMember(model.grouping(page.by).groups[page.index]!.representative);
  if (page.kind === 'goroutine') return model.siteOfGoroutine(page.id);
  if (target?.kind === 'group') return model.siteOfMember(model.grouping(target.by).groups[target.index]!.representative);
  return null;
}

/** `g` on a first page: the next key of that page's cycle. */
function regrouped(model: TuiModel, page: Page, s: ViewSettings): ViewSettings {
  if (page.kind === 'diff') return { ...s, diffBy: diffOf(model).nextBy(s.diffBy) };
  if (page.kind === 'heap') return { ...s, heapBy: heapOf(model).nextBy(s.heapBy) };
  if (page.kind === 'contention') return { ...s, contentionBy: contentionOf(model).nextBy(s.contentionBy) };
  return { ...s, groupBy: model.nextGroupBy(s.groupBy) };
}

function cycleNext<T>(cycle: readonly T[], current: T): T {
  return cycle[(cycle.indexOf(current) + 1) % cycle.length]!;
}

/** `o` on a first page: the next order of that page's cycle. */
function resorted(page: Page, s: ViewSettings): ViewSettings {
  if (page.kind === 'diff') return { ...s, diffSort: cycleNext(DIFF_SORTS, s.diffSort) };
  if (page.kind === 'heap') return { ...s, heapSample: cycleNext(HEAP_SAMPLES, s.heapSample) };
  if (page.kind === 'contention') return { ...s, contentionSort: cycleNext(CONTENTION_SORTS, s.contentionSort) };
  return { ...s, sort: cycleNext(SORT_ORDERS, s.sort) };
}

export function reduce(model: TuiModel, state: TuiState, action: TuiAction): TuiState {
  if (action.type === 'note') return { ...state, message: action.message };
  if (action.type === 'resize') {
    if (action.width === state.width && action.height === state.height) return state;
    return refit(model, { ...state, width: action.width, height: action.height });
  }
  // Keys that arrive together (key repeat, a paste, a slow link) each count, in order, until one quits.
  let next = state;
  for (const press of pressesOf(action.input, action.key)) {
    if (next.quit) break;
    next = onKey(model, next, press.input, press.key);
  }
  return next;
}
