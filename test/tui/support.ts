/** Shared by the TUI tests: a model from a fixture, key presses by name, frames without colour. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import type { Key } from 'ink';
import type { render } from 'ink-testing-library';
import { parseDump } from '../../grammar/parse.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { tuiModel } from '../../src/tui/start.js';
import type { GroupBy } from '../../src/analysis/keys.js';
import { TuiModel } from '../../src/tui/model.js';
import type { Doc } from '../../src/tui/document.js';
import { initialState, reduce, visibleDoc, type TuiState } from '../../src/tui/state.js';

export function modelOfText(text: string, source: string, groupBy: GroupBy = 'site'): TuiModel {
  const result = parseDump(text);
  const snapshot = result.snapshots[result.snapshots.length - 1];
  if (snapshot === undefined) throw new Error(`${source}: no snapshot parsed`);
  return new TuiModel(snapshot, { groupBy, similarity: 'pointers', filter: {} }, source);
}

export function modelOf(file: string, groupBy: GroupBy = 'site'): TuiModel {
  return modelOfText(readFileSync(file, 'utf8'), path.basename(file), groupBy);
}

function snapshotOf(file: string): Snapshot {
  const snapshot = parseDump(readFileSync(file, 'utf8'), { name: file }).snapshots.at(-1);
  if (snapshot === undefined) throw new Error(`${file}: no snapshot parsed`);
  return snapshot;
}

/** The model `gdump diff -i FILES…` builds: the diff view first, the latest snapshot behind it. */
export function diffModelOf(...files: string[]): TuiModel {
  const sources = files.map((f) => path.basename(f));
  return tuiModel({ snapshots: files.map(snapshotOf), groupBy: 'site', similarity: 'pointers', filter: {}, fullPaths: false, source: sources.at(-1), diff: { sources, options: {} } });
}

/** The model `gdump -i` builds for a heap or allocs profile: its allocation sites first. */
export function heapModelOf(file: string): TuiModel {
  return tuiModel({ snapshots: [snapshotOf(file)], groupBy: 'site', similarity: 'pointers', filter: {}, fullPaths: false, source: path.basename(file), profileGroupBy: 'top' });
}

export function startState(model: TuiModel, width = 120, height = 39): TuiState {
  return initialState(model, { sort: 'count', filter: null, hideRuntime: false, fullPaths: false }, width, height);
}

/** Ink's view of a key press, by name: `enter`, `esc`, `down`, `pgdn`, `ctrl-c`, or a character. */
export function keyOf(name: string): { input: string; key: Partial<Key> } {
  const named: Record<string, Partial<Key>> = {
    enter: { return: true },
    esc: { escape: true },
    backspace: { backspace: true },
    del: { delete: true },
    up: { upArrow: true },
    down: { downArrow: true },
    pgup: { pageUp: true },
    pgdn: { pageDown: true },
    home: { home: true },
    end: { end: true },
  };
  if (named[name] !== undefined) return { input: '', key: named[name]! };
  if (name.startsWith('ctrl-')) return { input: name.slice(5), key: { ctrl: true } };
  return { input: name, key: name.length === 1 && name !== name.toLowerCase() ? { shift: true } : {} };
}

/** Presses keys in order; a string of several characters that is not a key name is typed one character at a time. */
export function press(model: TuiModel, state: TuiState, ...keys: string[]): TuiState {
  let s = state;
  for (const k of keys) {
    const names = k.length > 1 && keyOf(k).input === k ? [...k] : [k];
    for (const n of names) {
      const { input, key } = keyOf(n);
      s = reduce(model, s, { type: 'key', input, key });
    }
  }
  return s;
}

/** What a terminal user would type for a key name (for ink-testing-library's stdin). */
export function bytesOf(name: string): string {
  const seq: Record<string, string> = {
    enter: '\r',
    esc: '\u001b',
    backspace: '\u007f',
    up: '\u001b[A',
    down: '\u001b[B',
    pgup: '\u001b[5~',
    pgdn: '\u001b[6~',
    home: '\u001b[H',
    end: '\u001b[F',
  };
  if (seq[name] !== undefined) return seq[name]!;
  if (name.startsWith('ctrl-')) return String.fromCharCode(name.charCodeAt(5) - 96);
  return name;
}

export function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
}

/** An app rendered by ink-testing-library. */
export type Rendered = ReturnType<typeof render>;

/** Waits until the last frame satisfies `ok`, or fails with the frame it saw. */
export async function frameWhere(app: Rendered, ok: (frame: string) => boolean, what: string, ms = 3000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const frame = stripAnsi(app.lastFrame() ?? '');
    if (ok(frame)) return frame;
    if (Date.now() > until) assert.fail(`timed out waiting for ${what}; last frame:\n${frame}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Types keys one at a time: Ink reads input on the next tick and holds a lone Esc briefly (it may start a sequence). */
export async function type(app: Rendered, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    app.stdin.write(bytesOf(k));
    await new Promise((r) => setTimeout(r, k === 'esc' ? 80 : 15));
  }
}

/** A document's lines as plain text. */
export function lines(doc: Doc): string[] {
  return Array.from({ length: doc.length }, (_, i) => doc.line(i).segments.map((s) => s.text).join(''));
}

/** What is on screen (help or the current page), as plain text lines. */
export function screen(model: TuiModel, state: TuiState): string[] {
  return lines(visibleDoc(model, state));
}
