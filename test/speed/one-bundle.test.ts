/**
 * The CLI is one ES module bundle (scripts/bundle.mjs): every source module
 * is in exactly one file of dist/bundle/, so the start, the plain run, the
 * yargs runner and the TUI share one copy of each (one GdumpError class, one
 * set of input settings). The start itself stays free of yargs and the
 * grammar: --version and the plain run never load yargs.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from '../helpers/paths.js';

const BUNDLE = path.join(REPO, 'dist', 'bundle');

/** The parts of esbuild's metafile read here. */
interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }>; imports: { path: string; kind: string }[] }>;
}

const meta = JSON.parse(readFileSync(path.join(BUNDLE, 'meta.json'), 'utf8')) as Metafile;
const outputs = Object.entries(meta.outputs).filter(([file]) => file.endsWith('.js'));

/** The outputs `from` loads before it runs (static imports, transitively): what a process pays for on that path. */
function staticClosure(from: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of meta.outputs[file]?.imports ?? []) if (i.kind === 'import-statement' && i.path in meta.outputs) visit(i.path);
  };
  visit(from);
  return seen;
}

describe('one bundle', () => {
  it('holds every module once', () => {
    const where = new Map<string, string[]>();
    for (const [file, out] of outputs) {
      for (const [input, { bytesInOutput }] of Object.entries(out.inputs)) {
        if (bytesInOutput > 0) where.set(input, [...(where.get(input) ?? []), file]);
      }
    }
    const twice = [...where].filter(([, files]) => files.length > 1).map(([input, files]) => `${input} in ${files.join(', ')}`);
    assert.deepEqual(twice, []);
    // The analysis, the errors module and the runs are in it (the check above is not vacuous).
    for (const module of ['src/errors.ts', 'src/cli/run/analyze.ts', 'src/cli/run/diff.ts', 'grammar/parser.ts', 'src/tui/App.tsx']) assert.ok(where.has(module), module);
  });

  it('is ES modules only: no CommonJS copy beside it', () => {
    const files = readdirSync(BUNDLE, { recursive: true }).map(String);
    assert.deepEqual(files.filter((f) => f.endsWith('.cjs') || f.includes('codecache')), []);
    assert.ok(outputs.some(([file]) => file.endsWith('/start.js')));
  });

  it('starts without yargs, the grammar or Ink', () => {
    const start = outputs.find(([file]) => file.endsWith('/start.js'))![0];
    const loaded = [...staticClosure(start)].flatMap((file) => Object.keys(meta.outputs[file]!.inputs));
    assert.ok(loaded.includes('src/cli/plain.ts'));
    assert.deepEqual(loaded.filter((m) => /node_modules\/(yargs|chevrotain|ink|react)\/|^grammar\//.test(m)), []);
  });
});
