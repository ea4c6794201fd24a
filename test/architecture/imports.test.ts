/**
 * Data flows one way. This reads the import graph of src/ and grammar/ from
 * the .ts sources (static imports, re-exports and import(), type imports
 * too: a type from above ties a layer to what sits above it just the same)
 * and fails on an import cycle and on an import that goes up or sideways
 * between the layers below.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { REPO } from '../helpers/paths.js';

interface Layer {
  name: string;
  /** Path prefixes under the repository; a file belongs to the layer of its longest matching prefix. */
  paths: string[];
  /** Higher ranks may import lower ones; equal ranks (peers) may not import each other. */
  rank: number;
}

/** Bottom to top. */
const LAYERS: Layer[] = [
  // Small helpers with no knowledge of dumps: any layer may throw a GdumpError, escape text, format a number or append a long list.
  { name: 'base', paths: ['src/errors.ts', 'src/version.ts', 'src/lists.ts', 'src/text/'], rank: 0 },
  // What a dump is: snapshots, goroutines, frames, profile records. Everything above speaks it.
  { name: 'model', paths: ['src/model/'], rank: 1 },
  // Text to model: the formats as a Chevrotain grammar.
  { name: 'grammar', paths: ['grammar/'], rank: 2 },
  // Bytes to text to model (files, URLs, log wrappers, binary profiles), and the model to groups: two
  // independent uses of the grammar and the model, so neither imports the other.
  { name: 'input', paths: ['src/input/'], rank: 3 },
  { name: 'analysis', paths: ['src/analysis/'], rank: 3 },
  // Snapshots lined up over time: built on the grouping keys.
  { name: 'diff', paths: ['src/diff/'], rank: 4 },
  // Text and JSON out of analysis and diff results.
  { name: 'render', paths: ['src/render/'], rank: 5 },
  // One module per snapshot kind (sites, text, JSON, default grouping): uses render, is used by the TUI and the CLI.
  { name: 'kinds', paths: ['src/kinds/'], rank: 6 },
  // The interactive views, loaded only by -i.
  { name: 'tui', paths: ['src/tui/'], rank: 7 },
  // The command line: parses args, runs the layers below, maps failures to exit codes.
  { name: 'cli', paths: ['src/cli/'], rank: 8 },
  // The library API re-exports the layers a script uses; nothing imports it.
  { name: 'api', paths: ['src/index.ts'], rank: 9 },
];

const ROOTS = ['src', 'grammar'];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(REPO, dir), { recursive: true })
    .map((f) => path.join(dir, String(f)).split(path.sep).join('/'))
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
}

function layerOf(file: string): Layer {
  const matches = LAYERS.flatMap((l) => l.paths.filter((p) => file === p || (p.endsWith('/') && file.startsWith(p))).map((p) => ({ l, p })));
  matches.sort((a, b) => b.p.length - a.p.length);
  const layer = matches[0]?.l;
  assert.ok(layer !== undefined, `${file} is in no layer: add it to LAYERS in test/architecture/imports.test.ts`);
  return layer;
}

interface Edge {
  from: string;
  to: string;
  dynamic: boolean;
}

/** `./x.js` → `dir/x.ts` (or .tsx, or x/index.ts); null for packages and node: built-ins. */
function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier)).replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) if (existsSync(path.join(REPO, candidate))) return candidate;
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

function importsOf(file: string): Edge[] {
  const text = readFileSync(path.join(REPO, file), 'utf8');
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.flatMap((ref) => {
    const to = resolve(file, ref.fileName);
    if (to === null) return [];
    // preProcessFile does not say which form an import took: import( right before the specifier is a dynamic one.
    const dynamic = /import\s*\(\s*['"`]?$/.test(text.slice(0, ref.pos));
    return [{ from: file, to, dynamic }];
  });
}

const files = ROOTS.flatMap(sourceFiles);
const edges = files.flatMap(importsOf);

/** Strongly connected components of more than one file (or a file importing itself): Tarjan's algorithm. */
function cycles(): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const f of files) if (!order.has(f)) visit(f);
  return found;
}

describe('the import graph of src/ and grammar/', () => {
  it('is read: every file is in a layer and the graph has edges between layers', () => {
    assert.ok(files.length > 50 && edges.length > files.length, `${files.length} files, ${edges.length} imports`);
    for (const f of files) layerOf(f);
    assert.ok(edges.some((e) => e.dynamic), 'the dynamic imports (the TUI, the runs) are found');
  });

  it('has no cycle', () => {
    assert.deepEqual(cycles().map((c) => c.join(' → ')), []);
  });

  it('only imports downwards', () => {
    const wrong = edges.flatMap(({ from, to }) => {
      const [a, b] = [layerOf(from), layerOf(to)];
      if (a === b || b.rank < a.rank) return [];
      const how = b.rank === a.rank ? 'sideways, between peers' : 'upwards';
      return [`${from} (${a.name}) imports ${to} (${b.name}): ${how}`];
    });
    assert.deepEqual(wrong, []);
  });
});
