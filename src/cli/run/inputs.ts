/**
 * Loads every input argument into snapshots, in order, with a progress line
 * on long reads. Shared by every command that takes inputs.
 */
import { load, type Loaded, type LoadOptions } from '../../input/load.js';
import { progressFor } from '../../input/progress.js';
import { openSource, type OpenOptions } from '../../input/open.js';
import { GdumpError } from '../../errors.js';

export async function loadInputs(args: readonly string[], options: LoadOptions = {}, open: OpenOptions = {}): Promise<Loaded[]> {
  const list = args.length > 0 ? args : defaultInputs();
  const out: Loaded[] = [];
  for (const arg of list) {
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

function defaultInputs(): string[] {
  if (process.stdin.isTTY === true) {
    throw new GdumpError('no input: give a dump file, a URL, or pipe one in (gdump --help shows examples)', 'usage');
  }
  return ['-'];
}
