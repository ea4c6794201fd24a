/**
 * `gdump report DUMP… -o report.html` and `--format html`: the one-file HTML
 * report of one snapshot, or of several with their diff on top.
 */
import type { MemberFilter } from '../../analysis/group.js';
import type { Similarity } from '../../analysis/keys.js';
import { comparable, diffSnapshots, type DiffResult } from '../../diff/diff.js';
import { reportData } from '../../render/html/data.js';
import { renderReportHtml } from '../../render/html/page.js';
import type { ReportArgs } from '../commands/report-args.js';
import { GdumpError } from '../../errors.js';
import { EXIT } from '../exit.js';
import { httpSettingsOf, parseRegex, parseSimilarity } from '../options.js';
import { VERSION } from '../../version.js';
import { writeOutput, type SourcedSnapshot } from './export.js';
import { loadInputs } from './inputs.js';

export interface HtmlReportOptions {
  output: string | undefined;
  similarity: Similarity;
  filter: MemberFilter;
  /** The diff as `gdump diff` computed it (its --by, --times, --ignore-site); without it, the default diff of the snapshots. */
  diff?: DiffResult;
}

/** The diff of the snapshots when there are several of one kind (goroutine dumps, or heap profiles); else null. */
function diffOf(snapshots: readonly SourcedSnapshot[]): DiffResult | null {
  const list = snapshots.map((s) => s.snapshot);
  return list.length > 1 && comparable(list) !== null ? diffSnapshots(list) : null;
}

export async function runHtmlReport(snapshots: readonly SourcedSnapshot[], o: HtmlReportOptions): Promise<void> {
  const sources = [...new Set(snapshots.map((s) => s.source))];
  const title = sources.length === 1 ? sources[0]! : `${sources[0]} … ${sources[sources.length - 1]} (${snapshots.length} snapshots)`;
  const data = reportData({ snapshots, diff: o.diff ?? diffOf(snapshots), title, version: VERSION, now: new Date() }, { similarity: o.similarity, filter: o.filter });
  await writeOutput(renderReportHtml(data), o.output, 'html');
}

export async function runReport(args: ReportArgs): Promise<number> {
  const http = httpSettingsOf(args);
  const filter = { focus: parseRegex('focus', args.focus), ignore: parseRegex('ignore', args.ignore) };
  const loaded = await loadInputs(args.inputs, {}, { http });
  const snapshots: SourcedSnapshot[] = [];
  let warnings = 0;
  for (const { source, result } of loaded) {
    if (result.snapshots.length === 0) throw new GdumpError(`${source.name}: ${result.lines === 0 ? 'it is empty' : 'no goroutine dump or profile was found in it'}`, 'no-dump');
    result.snapshots.forEach((snapshot, i) => {
      warnings += snapshot.warnings.length;
      snapshots.push({ snapshot, source: result.snapshots.length > 1 ? `${source.name}#${i + 1}` : source.name });
    });
  }
  await runHtmlReport(snapshots, { output: args.output, similarity: parseSimilarity(args.similarity), filter });
  return args.strict && warnings > 0 ? EXIT.checkFailed : EXIT.ok;
}
