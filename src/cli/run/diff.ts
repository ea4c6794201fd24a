/**
 * `gdump diff`'s work: load every input in order, line the snapshots up
 * (src/diff), print the report or JSON, and apply --fail-on-growth.
 */
import type { Snapshot } from '../../model/snapshot.js';
import type { Group } from '../../analysis/group.js';
import { DiffFolder } from '../../diff/stream.js';
import { isFiltering } from '../../analysis/filter.js';
import { comparable, diffSnapshots, isDiffBy, siteStacks, type DiffOptions } from '../../diff/diff.js';
import { seriesSuspects } from '../../diff/suspects.js';
import { renderSuspects, suspectsJson } from '../../render/suspects.js';

import { parseTimes, sourceTimes } from '../../diff/times.js';
import { diffJson, renderDiff, renderGrowthFailure } from '../../render/diff.js';
import { classifierOf } from '../../analysis/frames.js';
import { shortenerOf } from '../../render/paths.js';
import { paletteFor } from '../../render/palette.js';
import type { DiffArgs } from '../commands/diff-args.js';
import { GdumpError } from '../../errors.js';
import { EXIT } from '../exit.js';
import { checkRowArgs, httpSettingsOf, outputWidth, parseFilter, parseRegex, parseSample } from '../options.js';
import { loadInputs } from './inputs.js';
import { DrainingWriter } from '../../render/jsonstream.js';

interface Input {
  snapshot: Snapshot;
  source: string;
}

async function loadSnapshots(args: DiffArgs, folder: DiffFolder | null, folded: Map<Snapshot, readonly Group[]>): Promise<{ inputs: Input[]; times: (Date | null)[] }> {
  const loaded = await loadInputs(args.inputs, folder === null ? {} : { onGoroutine: folder.onGoroutine }, { http: httpSettingsOf(args) });
  const inputs: Input[] = [];
  for (const { source, result } of loaded) {
    if (result.snapshots.length === 0) {
      throw new GdumpError(`${source.name}: ${result.lines === 0 ? 'it is empty' : 'no goroutine dump or profile was found in it'}`, 'no-dump');
    }
    result.snapshots.forEach((parsed, i) => {
      const snapshot = folder === null ? parsed : folder.settle(parsed, folded);
      const name = result.snapshots.length > 1 ? `${source.name}#${i + 1}` : source.name;
      inputs.push({ snapshot, source: name });
    });
  }
  if (inputs.length < 2) throw new GdumpError(`diff needs at least two snapshots; ${args.inputs.join(', ')} held ${inputs.length}`, 'usage');
  if (comparable(inputs.map((i) => i.snapshot)) === null) {
    const kinds = inputs.map((i) => `${i.source} (${i.snapshot.format})`).join(', ');
    throw new GdumpError(`cannot compare ${kinds}: give all goroutine dumps (debug=2 or debug=1, mixed is fine) or all heap/allocs profiles`, 'usage');
  }
  const times =
    args.times !== undefined
      ? parseTimes(args.times, inputs.length)
      : sourceTimes(loaded.map(({ source, result }) => ({ time: source.time, snapshots: result.snapshots.length })));
  return { inputs, times };
}

/** The TUI's diff view of the same diff (it recomputes it per key, so `g` can rematch). */
async function explore(args: DiffArgs, inputs: readonly Input[], options: DiffOptions): Promise<boolean> {
  const { startTui } = await import('../../tui/start.js');
  const sources = inputs.map((i) => i.source);
  return startTui({ snapshots: inputs.map((i) => i.snapshot), groupBy: 'site', similarity: 'pointers', filter: {}, fullPaths: args['full-paths'], source: sources[sources.length - 1], diff: { sources, options } });
}

export async function runDiff(args: DiffArgs): Promise<number> {
  checkRowArgs(args);
  const by = args.by ?? 'site';
  if (!isDiffBy(by)) throw new GdumpError(`--by: expected site, stack, top or label:KEY, got "${by}"`, 'usage');
  const ignore = parseRegex('ignore-site', args['ignore-site']);
  const filter = parseFilter(args);
  const limit = args['fail-on-growth'];
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    throw new GdumpError(`--fail-on-growth: expected a whole number (goroutines, or bytes for heap diffs; 0 or more), got "${limit}"`, 'usage');
  }
  const folded = new Map<Snapshot, readonly Group[]>();
  // Goroutines are folded into sites as they are parsed, unless the TUI needs them all (or --by top, which needs each snapshot's GOROOT).
  // A goroutine filter needs the goroutines themselves: no folding while reading then.
  const folder = args.interactive || isFiltering(filter) || !DiffFolder.folds(by) ? null : new DiffFolder(by);
  const { inputs, times } = await loadSnapshots(args, folder, folded);
  const snapshots = inputs.map((i) => i.snapshot);
  const options: DiffOptions = { by: args.by === undefined ? undefined : by, ignore, times, sample: parseSample(args.sample), folded, runtime: args.runtime, ...(isFiltering(filter) ? { filter } : {}) };
  const result = diffSnapshots(snapshots, options);
  if (args.interactive) {
    // false: no terminal to run in; startTui said so, and the plain report follows.
    if (await explore(args, inputs, options)) return EXIT.ok;
  }
  const stacks = siteStacks(result);
  const classifier = classifierOf(stacks);
  const paths = shortenerOf(stacks, classifier, args['full-paths']);

  const suspects = seriesSuspects(result, snapshots, ignore, folder?.factsOf(snapshots[snapshots.length - 1]!));
  if (args.format === 'html') {
    const { runHtmlReport } = await import('./report.js');
    await runHtmlReport(inputs, { output: args.output, similarity: 'pointers', filter: {}, diff: result });
  } else if (args.json || args.format === 'json') {
    const out = new DrainingWriter(process.stdout);
    await out.json({ ...diffJson(result), suspects: suspectsJson(suspects) });
    await out.write('\n');
  }
  else {
    const palette = paletteFor(process.stdout, args.color);
    const width = outputWidth(process.stdout);
    const above = renderSuspects(suspects, { palette, paths, width });
    process.stdout.write(renderDiff(result, { palette, paths, classifier, top: args.top, stacks: args.stacks, width, sources: inputs.map((i) => i.source), above }));
  }
  if (limit === undefined) return EXIT.ok;
  const failed = result.sites.filter((s) => s.delta > limit);
  if (failed.length === 0) return EXIT.ok;
  process.stderr.write(`gdump: ${renderGrowthFailure(failed, limit, result, { paths, classifier })}\n`);
  return EXIT.checkFailed;
}
