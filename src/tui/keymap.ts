/**
 * Every key of the interactive view, as data. The same table decides what a
 * key press does, fills the `?` overlay, and prints the README's key table,
 * so the three cannot disagree.
 */
import type { Key } from 'ink';

export type KeyAction =
  | 'up'
  | 'down'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'open'
  | 'back'
  | 'quit'
  | 'help'
  | 'regroup'
  | 'sort'
  | 'filter'
  | 'toggleRuntime'
  | 'toggleFullPaths'
  | 'parent'
  | 'chain'
  | 'edit';

/** Which views a binding works in (the page kinds of state.ts); `all` for everywhere. */
export type Where = 'all' | 'list' | 'group' | 'goroutine' | 'diff' | 'diffSite' | 'heap' | 'heapSite' | 'contention' | 'contentionSite' | 'chain';

const WHERE_NAMES: Record<Exclude<Where, 'all'>, string> = {
  list: 'group list',
  group: 'group detail',
  goroutine: 'goroutine detail',
  diff: 'diff',
  diffSite: 'diff site',
  heap: 'heap sites',
  heapSite: 'heap site',
  contention: 'contention sites',
  contentionSite: 'contention site',
  chain: 'spawn chain',
};

/** One way to press a key: a character, a named key of Ink's `Key`, with or without Ctrl. */
export interface KeyPress {
  readonly input?: string;
  readonly key?: 'upArrow' | 'downArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'backspace' | 'delete';
  readonly ctrl?: boolean;
}

export interface Binding {
  readonly action: KeyAction;
  readonly presses: readonly KeyPress[];
  /** How the keys are written in help: `j ↓`. */
  readonly label: string;
  readonly help: string;
  readonly where: readonly Where[];
}

export const KEYMAP: readonly Binding[] = [
  { action: 'up', presses: [{ input: 'k' }, { key: 'upArrow' }, { input: 'p', ctrl: true }], label: 'k ↑ Ctrl-P', help: 'move up', where: ['all'] },
  { action: 'down', presses: [{ input: 'j' }, { key: 'downArrow' }, { input: 'n', ctrl: true }], label: 'j ↓ Ctrl-N', help: 'move down', where: ['all'] },
  { action: 'pageUp', presses: [{ key: 'pageUp' }, { input: 'b', ctrl: true }, { input: 'u', ctrl: true }], label: 'PgUp Ctrl-B Ctrl-U', help: 'page up', where: ['all'] },
  { action: 'pageDown', presses: [{ key: 'pageDown' }, { input: 'f', ctrl: true }, { input: 'd', ctrl: true }, { input: ' ' }], label: 'PgDn Ctrl-F Ctrl-D Space', help: 'page down', where: ['all'] },
  { action: 'home', presses: [{ key: 'home' }, { input: '<' }], label: 'Home <', help: 'first line', where: ['all'] },
  { action: 'end', presses: [{ key: 'end' }, { input: 'G' }, { input: '>' }], label: 'End G >', help: 'last line', where: ['all'] },
  { action: 'open', presses: [{ key: 'return' }, { input: 'l' }], label: 'Enter l', help: 'open the group, site or goroutine under the cursor (on a heading: go to the next line that opens)', where: ['all'] },
  // Terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
  { action: 'back', presses: [{ key: 'escape' }, { key: 'backspace' }, { key: 'delete' }, { input: 'h' }], label: 'Esc Backspace h', help: 'back to the previous view (on a first list: clear the filter)', where: ['all'] },
  { action: 'regroup', presses: [{ input: 'g' }], label: 'g', help: 'group by: site → stack → top frame → state → label', where: ['list'] },
  { action: 'regroup', presses: [{ input: 'g' }], label: 'g', help: 'match sites on: site → stack → top frame (heap: top → stack → site)', where: ['diff'] },
  { action: 'regroup', presses: [{ input: 'g' }], label: 'g', help: 'group allocation (heap) or contention (block, mutex) sites by: top frame → stack → site', where: ['heap', 'contention'] },
  { action: 'sort', presses: [{ input: 'o' }], label: 'o', help: 'sort by: count → name → wait age', where: ['list'] },
  { action: 'sort', presses: [{ input: 'o' }], label: 'o', help: 'sort by: Δ → size after → name', where: ['diff'] },
  { action: 'sort', presses: [{ input: 'o' }], label: 'o', help: 'sort by: in-use bytes → in-use objects → allocated bytes → allocated objects', where: ['heap'] },
  { action: 'sort', presses: [{ input: 'o' }], label: 'o', help: 'sort by: delay → events', where: ['contention'] },
  { action: 'filter', presses: [{ input: '/' }], label: '/', help: 'filter the list (groups, diff, heap or contention sites) by a regex on function and file names, states and labels (key=value), as you type (Enter keeps it, Esc cancels)', where: ['list', 'diff', 'heap', 'contention'] },
  { action: 'toggleRuntime', presses: [{ input: 's' }], label: 's', help: 'hide / show runtime and standard library frames', where: ['all'] },
  { action: 'toggleFullPaths', presses: [{ input: 'f' }], label: 'f', help: 'full / short file paths', where: ['all'] },
  { action: 'parent', presses: [{ input: 'p' }], label: 'p', help: 'jump to the parent goroutine (created by … in goroutine N)', where: ['goroutine'] },
  { action: 'chain', presses: [{ input: 't' }], label: 't', help: 'spawn chain of the group (or goroutine): the sites that started it up to main, and the sites it started', where: ['list', 'group', 'goroutine'] },
  { action: 'edit', presses: [{ input: 'e' }], label: 'e', help: 'open the source in $VISUAL or $EDITOR at the line where the goroutines wait (found as --source-root and --path-map say)', where: ['group', 'goroutine'] },
  { action: 'help', presses: [{ input: '?' }], label: '?', help: 'this help (any key closes it)', where: ['all'] },
  { action: 'quit', presses: [{ input: 'q' }, { input: 'c', ctrl: true }], label: 'q Ctrl-C', help: 'quit and restore the terminal', where: ['all'] },
];

function pressed(p: KeyPress, input: string, key: Partial<Key>): boolean {
  if ((p.ctrl ?? false) !== (key.ctrl ?? false)) return false;
  if (p.key !== undefined) return key[p.key] === true;
  return p.input === input;
}

/** The action of a key press in a view, or null when the key means nothing there. */
export function actionFor(input: string, key: Partial<Key>, where: Where): KeyAction | null {
  for (const b of KEYMAP) {
    if (!b.where.includes('all') && !b.where.includes(where)) continue;
    if (b.presses.some((p) => pressed(p, input, key))) return b.action;
  }
  return null;
}

function whereText(b: Binding): string {
  return b.where.includes('all') ? 'everywhere' : b.where.map((w) => (w === 'all' ? 'everywhere' : WHERE_NAMES[w])).join(', ');
}

/** Rows of the help overlay: keys, what they do, where. */
export function helpRows(): { keys: string; help: string; where: string }[] {
  return KEYMAP.map((b) => ({ keys: b.label, help: b.help, where: whereText(b) }));
}

/** The README's key table, in Markdown. */
export function keymapMarkdown(): string {
  const rows = helpRows().map((r) => `| ${r.keys.replace(/\|/g, '\\|')} | ${r.help} | ${r.where} |`);
  return ['| Keys | Action | Where |', '| --- | --- | --- |', ...rows].join('\n');
}
