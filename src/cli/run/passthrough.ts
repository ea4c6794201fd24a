/**
 * `… 2>&1 | gdump --passthrough` and `gdump run -- CMD…`: the text that is
 * not a dump goes on unchanged as it arrives; each goroutine dump is
 * replaced by its grouped summary (likely leaks, the table, the biggest
 * stack). For a `go test` timeout, the hung test is named and the
 * goroutine running it comes first.
 */
import { spawn } from 'node:child_process';
import { classifierFor, groupSnapshot } from '../../analysis/group.js';
import { hungTests, type HungTest } from '../../analysis/hung-test.js';
import { snapshotSuspects } from '../../analysis/suspects.js';
import { DumpSplitter } from '../../input/dump-splitter.js';
import { DumpReader } from '../../../grammar/parse.js';
import { foldedView, GoroutineFolder } from '../../analysis/fold.js';
import { SiteFactsFolder } from '../../analysis/site-facts.js';
import { stacksOf, type TracebackSnapshot } from '../../model/snapshot.js';
import { escapeTerminal } from '../../text/escape.js';
import type { Palette } from '../../render/palette.js';
import { shortenerOf, type PathShortener } from '../../render/paths.js';
import { renderSuspects } from '../../render/suspects.js';
import { frameLine, renderSnapshot } from '../../render/text.js';
import type { FrameClassifier } from '../../analysis/frames.js';
import { GdumpError } from '../../errors.js';
import { appendAll } from '../../lists.js';

export interface PassthroughOptions {
  palette: Palette;
  width: number | null;
  fullPaths: boolean;
  /** Table rows and stacks in each summary. */
  top: number;
  stacks: number;
}

type Write = (bytes: Buffer | string) => void;

function hungLines(tests: readonly HungTest[], o: { palette: Palette; paths: PathShortener; classifier: FrameClassifier; width: number | null }): string[] {
  const p = o.palette;
  const out: string[] = [];
  for (const t of tests) {
    const g = t.goroutine;
    out.push(p.bad(p.bold(`Hung test: ${escapeTerminal(t.name)} (ran ${escapeTerminal(t.ran)})`) + (g === null ? '' : `, goroutine ${g.id} [${escapeTerminal(g.state)}${g.waitMinutes === null ? '' : `, ${g.waitMinutes} minutes`}]:`)));
    if (g !== null) for (const f of g.frames) out.push(frameLine(f, o));
  }
  return out;
}

/**
 * One dump as it streams by: its goroutines are folded into sites and their
 * facts gathered as they are read, and dropped, except those running a test
 * (a hung test's goroutine is shown whole), so a dump of any size costs the
 * memory of its sites.
 */
class StreamedDump {
  private readonly folder = new GoroutineFolder({ by: 'site', similarity: 'pointers', filter: {} });
  private readonly facts = new SiteFactsFolder();
  private readonly reader = new DumpReader({
    onGoroutine: (g, s) => {
      this.facts.onGoroutine(g, s);
      this.folder.onGoroutine(g, s);
      return g.frames.some((f) => f.func.full === 'testing.tRunner');
    },
  });

  constructor(private readonly firstLine: number) {}

  push(line: string): void {
    this.reader.push(line);
  }

  /** The text that replaces the dump. */
  summary(lastLine: number, o: PassthroughOptions): string {
    const p = o.palette;
    const first = this.firstLine;
    // The splitter hands over goroutine tracebacks only.
    const snapshots = this.reader.end().snapshots.filter((s): s is TracebackSnapshot => s.kind === 'traceback');
    const head = p.dim(`── gdump: the dump of lines ${first}-${lastLine} (${lastLine - first + 1} lines) in short ──`);
    const foot = p.dim(`── end of gdump's summary; the output goes on ──`);
    if (snapshots.length === 0) return `${head}\n${p.warn('(no goroutines could be read from it)')}\n${foot}\n`;
    return `${head}\n${snapshots.map((s) => this.snapshotSummary(s, o)).join('\n')}${foot}\n`;
  }

  private snapshotSummary(s: TracebackSnapshot, o: PassthroughOptions): string {
    const folded = this.folder.result(s);
    const classifier = folded?.classifier ?? classifierFor(s);
    const groups = folded?.groups ?? groupSnapshot(s, { classifier });
    const paths = shortenerOf(stacksOf(foldedView(s, groups)), classifier, o.fullPaths);
    const above = hungLines(hungTests(s), { palette: o.palette, paths, classifier, width: o.width });
    const suspects = renderSuspects(snapshotSuspects(s, this.facts.of(s), classifier), { palette: o.palette, paths, width: o.width, limit: 3 });
    if (above.length > 0 && suspects.length > 0) above.push('');
    appendAll(above, suspects);
    const source = `the dump at line ${this.firstLine + s.firstLine - 1}`;
    return renderSnapshot(s, groups, { palette: o.palette, paths, classifier, groupBy: 'site', top: o.top, stacks: o.stacks, width: o.width, source, above });
  }
}

/** Streams `input` to `write`, each dump replaced by its summary; returns how many dumps there were. */
export async function passThrough(input: AsyncIterable<Buffer | string>, write: Write, o: PassthroughOptions): Promise<number> {
  let dumps = 0;
  let dump: StreamedDump | null = null;
  const splitter = new DumpSplitter({
    text: (bytes) => write(bytes),
    dumpStart: (first) => {
      dumps++;
      dump = new StreamedDump(first);
    },
    dumpLine: (line) => dump!.push(line),
    dumpEnd: (last) => {
      write(dump!.summary(last, o));
      dump = null;
    },
  });
  for await (const chunk of input) splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  splitter.end();
  return dumps;
}

/**
 * `gdump run -- CMD…`: runs the command with its standard output and error
 * joined into one stream (as `2>&1`, in the order written), passes it
 * through, and exits with the command's exit code.
 */
export async function runCommand(command: readonly string[], write: Write, o: PassthroughOptions): Promise<number> {
  if (command.length === 0) throw new GdumpError('gdump run: no command given (gdump run -- go test ./...)', 'usage');
  // One pipe for both streams keeps their order; sh does the joining, exec leaves no shell behind.
  const child = spawn('/bin/sh', ['-c', 'exec "$@" 2>&1', 'sh', ...command], { stdio: ['inherit', 'pipe', 'inherit'] });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', (e) => reject(new GdumpError(`gdump run: cannot start ${command[0]}: ${e.message}`, 'usage')));
    child.on('close', (code, signal) => resolve(code ?? (signal === null ? 1 : 128 + signalNumber(signal))));
  });
  await passThrough(child.stdout, write, o);
  const code = await exited;
  if (code === 127) process.stderr.write(`gdump run: ${command[0]}: command not found (exit status 127)\n`);
  return code;
}

function signalNumber(signal: NodeJS.Signals): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGABRT: 6, SIGKILL: 9, SIGSEGV: 11, SIGPIPE: 13, SIGTERM: 15 };
  return numbers[signal] ?? 1;
}
