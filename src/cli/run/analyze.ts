/**
 * The default command's work: load, then report each snapshot through its
 * kind (src/kinds): text for people, JSON for scripts, and the TUI when
 * asked (loaded only then).
 */
import { GoroutineFolder } from '../../analysis/fold.js';
import { StackFolder } from '../../analysis/stacks.js';
import { GROUP_SORTS, isGroupSort } from '../../analysis/sort.js';
import { kindOf, type ReportOptions } from '../../kinds/index.js';
import { Explainer } from '../../kinds/explain.js';
import type { Goroutine } from '../../model/goroutine.js';
import type { Snapshot, TracebackSnapshot } from '../../model/snapshot.js';
import { DrainingWriter } from '../../render/jsonstream.js';
import { renderTraceback } from '../../render/traceback.js';
import { paletteFor } from '../../render/palette.js';
import { linkerFor, type HyperlinkMode } from '../../render/hyperlinks.js';
import { JSON_SCHEMA } from '../../render/json.js';
import { formatRanges, plural, renderWarnings } from '../../render/text.js';
import type { AnalyzeArgs } from '../commands/analyze-args.js';
import { GdumpError } from '../../errors.js';
import { EXIT } from '../exit.js';
import { checkRowArgs, httpSettingsOf, outputWidth, parseFilter, parseGroupBy, parseRegex, parseSample, parseSimilarity } from '../options.js';
import { isExportFormat, runStackExport } from './export.js';
import { explainOptions, sourceLocations } from './explain.js';
import { loadInputs } from './inputs.js';
import { passThroughInputs } from './passthrough-inputs.js';

export async function runAnalyze(args: AnalyzeArgs): Promise<number> {
  const http = httpSettingsOf(args);
  checkRowArgs(args);
  if (args.passthrough) return passThroughInputs(args);
  const groupBy = args['group-by'] === undefined ? undefined : parseGroupBy(args['group-by']);
  const similarity = parseSimilarity(args.similarity);
  const filter = parseFilter(args);
  const sort = args.sort;
  if (!isGroupSort(sort)) throw new GdumpError(`--sort: expected ${GROUP_SORTS.join(', ')}, got "${sort}"`, 'usage');
  const sample = parseSample(args.sample);
  // Streaming: goroutines are folded into groups as they are parsed and dropped, unless a view needs them all.
  // The HTML report groups the goroutines several ways, so it keeps them; folded and pprof fold them into stacks.
  const keepAll = args['keep-all'] || args.interactive || args.format === 'traceback' || args.format === 'html';
  const stackExport = args.format === 'folded' || args.format === 'pprof';
  if (stackExport && (filter.focus !== undefined || filter.ignore !== undefined)) throw new GdumpError(`--format ${args.format} writes every stack: --focus and --ignore apply to the report formats (text, json, traceback, html)`, 'usage');
  const stacks = stackExport && !keepAll ? new StackFolder() : null;
  const folder = keepAll || stackExport ? null : new GoroutineFolder({ by: groupBy ?? 'site', similarity, filter });
  const explainer = new Explainer(explainOptions(args));
  const fold = {
    onGoroutine: (g: Goroutine, s: TracebackSnapshot): boolean => {
      explainer.facts.onGoroutine(g, s);
      if (stacks !== null) return stacks.onGoroutine(g, s);
      return folder === null ? true : folder.onGoroutine(g, s);
    },
  };
  const loaded = await loadInputs(args.inputs ?? [], { strip: parseRegex('strip', args.strip) ?? null, ...fold }, { http });
  const palette = paletteFor(process.stdout, args.color);
  const link = linkerFor(args.hyperlinks as HyperlinkMode, process.stdout);
  const err = paletteFor(process.stderr, args.color);

  const snapshots: { snapshot: Snapshot; source: string; stripped: readonly string[]; binary: boolean }[] = [];
  for (const { source, result, stripped = [] } of loaded) {
    if (result.snapshots.length === 0) {
      const lines = result.skipped.length > 0 ? ` (${plural(result.lines, 'line')} passed over: ${formatRanges(result.skipped)})` : '';
      const why = result.lines === 0 ? 'it is empty' : `no goroutine dump or profile was found in it${lines}`;
      for (const line of renderWarnings(result.warnings, [], err)) process.stderr.write(line + '\n');
      throw new GdumpError(`${source.name}: ${why}`, 'no-dump');
    }
    // A binary profile has no lines (the parse counts 0): its report names its form and counts no lines.
    const binary = result.lines === 0;
    for (const snapshot of result.snapshots) snapshots.push({ snapshot, source: source.name, stripped, binary });
  }

  if (args.interactive) {
    const { startTui } = await import('../../tui/start.js');
    const source = snapshots[snapshots.length - 1]!.source;
    const explored = await startTui({ snapshots: snapshots.map((s) => s.snapshot), groupBy: groupBy ?? 'site', similarity, filter, fullPaths: args['full-paths'], source, profileGroupBy: groupBy, sample, ...sourceLocations(args) });
    // false: no terminal to run in; startTui said so, and the plain report follows.
    if (explored) return EXIT.ok;
  }

  const report = (stripped: readonly string[], binary: boolean): ReportOptions => ({ groupBy, similarity, filter, sample, folder, stripped, explainer, sort, runtime: args.runtime, binary });
  const warnings = snapshots.reduce((n, s) => n + s.snapshot.warnings.length, 0);
  const done = args.strict && warnings > 0 ? EXIT.checkFailed : EXIT.ok;
  if (args.format === 'html') {
    const { runHtmlReport } = await import('./report.js');
    await runHtmlReport(snapshots, { output: args.output, similarity, filter });
    return done;
  }
  if (isExportFormat(args.format)) {
    await runStackExport(args.format === 'pprof' ? 'pprof' : 'folded', snapshots, stacks, args);
    return done;
  }
  if (args.format === 'traceback') {
    for (const { snapshot, source } of snapshots) {
      if (snapshot.kind !== 'traceback' && snapshot.kind !== 'count') {
        throw new GdumpError(`${source}: a ${snapshot.format} profile cannot be written as a traceback (--format traceback writes goroutine dumps and count profiles)`, 'usage');
      }
      process.stdout.write(renderTraceback(snapshot, filter, process.stdout.isTTY === true));
    }
  } else if (args.json || args.format === 'json') {
    const json = ({ snapshot, stripped, binary }: (typeof snapshots)[number]): object => kindOf(snapshot).json(snapshot, report(stripped, binary));
    const out = new DrainingWriter(process.stdout);
    if (snapshots.length > 1) {
      // One snapshot at a time, nested as JSON.stringify(…, null, 2) nests them, in small pieces (jsonPieces): the ids of a 1 GB input are never one string.
      await out.write(`{\n  "schema": ${JSON_SCHEMA},\n  "snapshots": [\n`);
      for (let i = 0; i < snapshots.length; i++) {
        await out.write('    ');
        await out.json(json(snapshots[i]!), '    ');
        await out.write(i + 1 < snapshots.length ? ',\n' : '\n');
      }
      await out.write('  ]\n}\n');
    } else {
      await out.json(snapshots.length === 1 ? json(snapshots[0]!) : { schema: JSON_SCHEMA, snapshots: [] });
      await out.write('\n');
    }
  } else {
    snapshots.forEach(({ snapshot, source, stripped, binary }, i) => {
      const name = snapshots.length > 1 ? `${source} [snapshot ${i + 1} of ${snapshots.length}, lines ${snapshot.firstLine}-${snapshot.lastLine}]` : source;
      if (i > 0) process.stdout.write('\n');
      const text = { ...report(stripped, binary), link, palette, fullPaths: args['full-paths'], top: args.top, stacks: args.stacks, width: outputWidth(process.stdout), source: name };
      process.stdout.write(kindOf(snapshot).text(snapshot, text));
    });
  }
  return done;
}
