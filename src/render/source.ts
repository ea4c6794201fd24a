/**
 * Source lines around where a site's goroutines wait and around the `go`
 * statement that started them, as pprof's `list` shows code: the line
 * marked, a few around it. Only what is found on this machine
 * (src/input/source-files.ts) is shown; the rest says it was not found.
 */
import type { Frame } from '../model/frame.js';
import type { SourceFiles } from '../input/source-files.js';
import { escapeTerminal } from './escape.js';
import type { Palette } from './palette.js';
import type { PathShortener } from './paths.js';
import { truncate } from './table.js';
import { appendAll } from '../lists.js';

export interface SourceTarget {
  /** The site, as the table names it. */
  readonly title: string;
  readonly parkedAt: Frame | null;
  readonly goStatement: Frame | null;
}

export interface SourceTextOptions {
  palette: Palette;
  paths: PathShortener;
  width: number | null;
  sources: SourceFiles;
  context?: number;
}

function block(label: string, f: Frame, o: SourceTextOptions): string[] {
  const p = o.palette;
  const where = escapeTerminal(o.paths.where(f));
  const lines = o.sources.lines(f.file, f.line, o.context ?? 3);
  if (lines === null) return [p.dim(`    ${label} ${where}: source not found here (--source-root DIR, --path-map FROM=TO)`)];
  const cut = (s: string): string => (o.width === null ? s : truncate(s, o.width));
  const width = String(lines[lines.length - 1]!.number).length;
  const out = [`    ${label} ${where}`];
  for (const l of lines) {
    // Tabs as four spaces keep the columns; the code is the user's but still untrusted text.
    const code = escapeTerminal(l.text.replace(/\t/g, '    '));
    const text = cut(`    ${l.number === f.line ? '>' : ' '} ${String(l.number).padStart(width)}  ${code}`);
    out.push(l.number === f.line ? p.user(text) : p.dim(text));
  }
  return out;
}

export function renderSource(targets: readonly SourceTarget[], o: SourceTextOptions): string[] {
  if (targets.length === 0) return [];
  const out = [o.palette.bold('Source')];
  for (const t of targets) {
    out.push(`  ${t.title}`);
    if (t.parkedAt !== null) appendAll(out, block('waits at', t.parkedAt, o));
    if (t.goStatement !== null) appendAll(out, block('started at', t.goStatement, o));
  }
  return out;
}
