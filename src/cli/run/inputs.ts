/**
 * Loads every input argument into snapshots, in order, with a progress line
 * on long reads. Shared by every command that takes inputs.
 */
import { load, type Loaded, type LoadOptions } from '../../input/load.js';
import { progressFor } from '../../input/progress.js';
import { openSource, type OpenOptions } from '../../input/open.js';

export async function loadInputs(args: readonly string[], options: LoadOptions = {}, open: OpenOptions = {}): Promise<Loaded[]> {
  const list = args.length > 0 ? args : ['-'];
  const out: Loaded[] = [];
  for (const arg of list) {
    if (arg === '-' && process.stdin.isTTY === true) process.stderr.write(PASTE_PROMPT);
    const source = await openSource(arg, open);
    const progress = progressFor(source);
    try {
      out.push(await load(source, { ...options, onBytes: (bytes, reader) => (options.onBytes?.(bytes, reader), progress.update(bytes, reader)) }));
    } finally {
      progress.done();
    }
  }
  return out;
}

/**
 * Standard input on a terminal (`gdump` or `gdump -` typed by hand): a dump
 * pasted from a chat or a ticket is read until Ctrl-D, after one line on
 * stderr that says so (and how to get out).
 */
export const PASTE_PROMPT = 'gdump: paste a goroutine dump or profile, then press Ctrl-D on a new line (Ctrl-C to quit; gdump --help shows other inputs)\n';
