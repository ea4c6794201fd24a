/**
 * The export formats of the default command (--format folded | pprof |
 * html) and `gdump report`: where the output goes (-o FILE, or standard
 * output unless it is a terminal and the format is binary), and the
 * snapshot an export writes when the input holds several.
 */
import { writeFile } from 'node:fs/promises';
import { heapSampleIndex, stackProfile, type StackFolder } from '../../analysis/stacks.js';
import type { Snapshot } from '../../model/snapshot.js';
import { escapeTerminal } from '../../text/escape.js';
import { renderFolded } from '../../render/folded.js';
import { encodePprof } from '../../render/pprof.js';
import { GdumpError } from '../../errors.js';
import { parseSample } from '../options.js';

export const EXPORT_FORMATS = ['folded', 'pprof', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(format: string): format is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(format);
}

export interface SourcedSnapshot {
  readonly snapshot: Snapshot;
  readonly source: string;
}

/**
 * Writes `data` to `output`, or to standard output without one. pprof and
 * HTML are refused on a terminal: binary data would scramble the screen, and
 * a page of HTML helps nobody there.
 */
export async function writeOutput(data: string | Buffer, output: string | undefined, format: ExportFormat): Promise<void> {
  if (output !== undefined && output !== '' && output !== '-') {
    try {
      await writeFile(output, data);
    } catch (e) {
      throw new GdumpError(`-o ${output}: cannot write: ${(e as Error).message}`, 'input');
    }
    return;
  }
  if (format !== 'folded' && process.stdout.isTTY === true) {
    const example = format === 'pprof' ? 'out.pb.gz' : 'report.html';
    throw new GdumpError(`${format === 'pprof' ? '--format pprof writes binary data' : 'the HTML report is a file to open in a browser'}: give -o FILE (e.g. -o ${example}) or redirect standard output`, 'usage');
  }
  await new Promise<void>((resolve) => process.stdout.write(data, () => resolve()));
}

/** A stack export takes one snapshot: the last one, and says so when the input held more. */
export function lastSnapshot(snapshots: readonly SourcedSnapshot[], format: ExportFormat): SourcedSnapshot {
  const last = snapshots[snapshots.length - 1]!;
  if (snapshots.length > 1) {
    const s = last.snapshot;
    process.stderr.write(`gdump: the input holds ${snapshots.length} snapshots; --format ${format} writes the last one (${escapeTerminal(last.source)}, lines ${s.firstLine}-${s.lastLine})\n`);
  }
  return last;
}

export interface StackExportArgs {
  sample: string | undefined;
  output: string | undefined;
}

/** --format folded | pprof: the snapshot's weighted stacks (folded by `folder` while parsing, or from its kept goroutines). */
export async function runStackExport(format: 'folded' | 'pprof', snapshots: readonly SourcedSnapshot[], folder: StackFolder | null, args: StackExportArgs): Promise<void> {
  const { snapshot, source } = lastSnapshot(snapshots, format);
  const profile = stackProfile(snapshot, folder?.result(snapshot) ?? null);
  if (format === 'pprof') return writeOutput(await encodePprof(profile, `gdump export of ${source} (${snapshot.format})`), args.output, format);
  const sample = parseSample(args.sample);
  return writeOutput(renderFolded(profile, snapshot.kind === 'heap' && sample !== undefined ? heapSampleIndex(sample) : profile.defaultType), args.output, format);
}
