/**
 * What the hostile-input tests and the fuzz campaign share: the real dumps
 * to start from, the wrappers log systems put around them, the damage
 * copy-paste and full buffers do, and the invariants every read must keep.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { groupSnapshot } from '../../src/analysis/group.js';
import { contentionSites, heapSites } from '../../src/analysis/heap.js';
import { readText, type PipelineResult } from '../../src/input/pipeline.js';
import { inRanges, lineAccounting, type Snapshot } from '../../src/model/snapshot.js';
import { FIXTURES, HAS_REALWORLD, REALWORLD } from '../helpers/paths.js';
import { goroutinesIn } from '../helpers/snapshots.js';

export interface Dump {
  name: string;
  bytes: Buffer;
}

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith('.txt') && e.name !== 'README.txt') out.push(p);
  }
}

/** The committed fixtures (fixtures/**\/*.txt) and, when present, ../shared/realworld, up to `maxBytes` each. */
export function corpus(maxBytes: number): Dump[] {
  const files: string[] = [];
  walk(FIXTURES, files);
  if (HAS_REALWORLD) for (const f of readdirSync(REALWORLD)) if (f !== 'README.md') files.push(path.join(REALWORLD, f));
  return files
    .filter((f) => statSync(f).size <= maxBytes)
    .sort()
    .map((f) => ({ name: path.relative(path.dirname(FIXTURES), f), bytes: readFileSync(f) }));
}

export const REALWORLD_NOTE = HAS_REALWORLD ? null : `../shared/realworld is absent (${REALWORLD}): only the committed fixtures are used`;

/** A per-line wrapper a log system puts around each line, which gdump must take off. */
export interface Wrapper {
  name: string;
  wrap(text: string): string;
}

function perLine(text: string, f: (line: string, i: number) => string): string {
  const lines = text.split('\n');
  const last = lines.pop();
  const out = lines.map((l, i) => f(l, i) + '\n').join('');
  return last === '' || last === undefined ? out : out + f(last, lines.length);
}

function stamp(i: number): string {
  const s = String(i % 60).padStart(2, '0');
  return `2024-11-27T15:00:${s}.${String(123456789 + i).slice(0, 9)}Z`;
}

/** JSON events like test2json's: the line split in two events at `split`, one extra event between packages. */
function jsonEvents(text: string, event: (piece: string, i: number) => string, other: (i: number) => string | null): string {
  let out = '';
  perLine(text, (line, i) => {
    const piece = line + '\n';
    const extra = other(i);
    if (extra !== null) out += extra + '\n';
    const cut = line.length > 8 && i % 3 === 0 ? line.length >> 1 : -1;
    if (cut > 0) out += event(piece.slice(0, cut), i) + '\n' + event(piece.slice(cut), i) + '\n';
    else out += event(piece, i) + '\n';
    return '';
  });
  return out;
}

export const WRAPPERS: readonly Wrapper[] = [
  { name: 'kubectl --timestamps', wrap: (t) => perLine(t, (l, i) => `${stamp(i)} ${l}`) },
  { name: 'log package', wrap: (t) => perLine(t, (l, i) => `2024/11/27 15:00:${String(i % 60).padStart(2, '0')} ${l}`) },
  { name: 'log package with file', wrap: (t) => perLine(t, (l) => `2024/11/27 15:00:00.123456 main.go:42: ${l}`) },
  { name: 'klog', wrap: (t) => perLine(t, (l, i) => `I1127 15:00:00.${String(i).padStart(6, '0')}   12 main.go:34] ${l}`) },
  { name: 'journald', wrap: (t) => perLine(t, (l) => `Nov 27 15:00:00 host app[1234]: ${l}`) },
  {
    name: 'docker json-file',
    wrap: (t) => jsonEvents(t, (piece, i) => JSON.stringify({ log: piece, stream: 'stderr', time: stamp(i) }), () => null),
  },
  {
    name: 'go test -json',
    wrap: (t) =>
      jsonEvents(
        t,
        (piece, i) => JSON.stringify({ Time: stamp(i), Action: 'output', Package: 'example.com/p', Test: 'TestX', Output: piece }),
        (i) => (i % 17 === 5 ? JSON.stringify({ Time: stamp(i), Action: 'run', Package: 'example.com/p', Test: `TestY${i}` }) : null),
      ),
  },
  { name: 'CRLF', wrap: (t) => t.replace(/\n/g, '\r\n') },
  { name: 'ANSI colours', wrap: (t) => perLine(t, (l, i) => (i % 2 === 0 ? `\u001b[3${i % 8}m${l}\u001b[0m` : l === '' ? l : `\u001b[1m${l}`)) },
  { name: 'Markdown quote', wrap: (t) => perLine(t, (l) => (l === '' ? '>' : `> ${l}`)) },
  { name: 'tabs as spaces', wrap: (t) => t.replace(/\t/g, '    ') },
  { name: 'kubectl + ANSI + CRLF', wrap: (t) => perLine(t, (l, i) => `${stamp(i)} \u001b[36m${l}\u001b[0m\r`) },
];

/** The groups or sites of a snapshot as `key count` lines (bytes in use, events for profile sites). */
function siteLines(s: Snapshot): string[] {
  switch (s.kind) {
    case 'traceback':
    case 'count':
      return groupSnapshot(s).map((g) => `${g.key} ${g.count}`);
    case 'heap':
      return heapSites(s).map((x) => `${x.key} ${x.inuseBytes}`);
    case 'contention':
      return contentionSites(s).map((x) => `${x.key} ${x.contentions}`);
  }
}

/** Groups of every snapshot as `key count` lines: what "the same result" means for wrapped input. */
export function groupSummary(r: PipelineResult): string[] {
  return r.result.snapshots.map((s) => siteLines(s).sort().join('\n'));
}

/** Checks the read of `text` keeps every promise; returns the problem, or null. */
export function invariantProblem(text: string, r: PipelineResult): string | null {
  const { result } = r;
  const inputLines = countLines(text);
  if (result.lines !== inputLines) return `read ${result.lines} lines of ${inputLines}`;
  if (result.snapshots.length === 0) {
    for (const w of result.warnings) if (w.line < 0 || w.line > inputLines) return `warning on line ${w.line} of ${inputLines}`;
    return null;
  }
  let next = 1;
  let total = 0;
  for (const s of result.snapshots) {
    if (s.firstLine !== next) return `snapshot starts at line ${s.firstLine}, expected ${next}`;
    next = s.lastLine + 1;
    const a = lineAccounting(s);
    total += a.total;
    if (a.parsed < 0 || a.skipped < 0 || a.warned < 0) return `negative line count ${JSON.stringify(a)}`;
    const problem = rangeProblem(s);
    if (problem !== null) return problem;
  }
  if (total !== inputLines) return `snapshots account for ${total} lines of ${inputLines}`;
  return null;
}

function rangeProblem(s: Snapshot): string | null {
  let last = s.firstLine - 1;
  for (const r of s.skipped) {
    if (r.first <= last || r.last < r.first || r.last > s.lastLine) return `skipped range ${r.first}-${r.last} out of order in ${s.firstLine}-${s.lastLine}`;
    last = r.last;
  }
  for (const w of s.warnings) if (w.line !== 0 && (w.line < s.firstLine || w.line > s.lastLine)) return `warning on line ${w.line} outside ${s.firstLine}-${s.lastLine}`;
  for (const g of goroutinesIn(s)) if (inRanges(s.skipped, g.line)) return `goroutine ${g.id} at line ${g.line} is also skipped`;
  return null;
}

/** Input lines as gdump counts them: a last line without newline counts. */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}

export { readText };
