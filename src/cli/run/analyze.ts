/**
 * The default command's work: load, group, render. Text for people, JSON for
 * scripts, and the TUI when asked (loaded only then).
 */
import { PROFILE_SECTIONS } from '../../../grammar/sections.js';
import { foldedView, GoroutineFolder } from '../../analysis/fold.js';
import { classifierFor, groupSnapshot } from '../../analysis/group.js';
import { withInputKind } from '../../analysis/heap.js';
import '../../input/binary.js';
import { lineAccounting, type Snapshot } from '../../model/snapshot.js';
import { snapshotJson } from '../../render/json.js';
import { writeJson } from '../../render/jsonstream.js';
import { renderLineSummary } from '../../render/lines.js';
import { renderTraceback, writesBack } from '../../render/traceback.js';
import { paletteFor } from '../../render/palette.js';
import { shortenerFor } from '../../render/paths.js';
import { formatRanges, renderSnapshot, renderWarnings } from '../../render/text.js';
import type { AnalyzeArgs } from '../commands/analyze-args.js';
import { EXIT, UserError } from '../exit.js';
import { applyNetworkArgs, outputWidth, parseGroupBy, parseRegex, parseSimilarity } from '../options.js';
import { loadInputs } from './inputs.js';
import { parseSample, profileJson, profileText, PROFILE_DEFAULT_GROUP_BY } from './profiles.js';

export async function runAnalyze(args: AnalyzeArgs): Promise<number> {
  applyNetworkArgs(args);
  const groupBy = parseGroupBy(args['group-by'] ?? 'site');
  const similarity = parseSimilarity(args.similarity);
  const filter = { focus: parseRegex('focus', args.focus), ignore: parseRegex('ignore', args.ignore) };
  const profile = { groupBy: parseGroupBy(args['group-by'] ?? PROFILE_DEFAULT_GROUP_BY), filter, sample: parseSample(args.sample) };
  // Streaming: goroutines are folded into groups as they are parsed and dropped, unless a view needs them all.
  const keepAll = args['keep-all'] || args.interactive || args.format === 'traceback';
  const folder = keepAll ? null : new GoroutineFolder({ by: groupBy, similarity, filter });
  const fold = folder === null ? {} : { onGoroutine: folder.onGoroutine };
  const loaded = await loadInputs(args.inputs ?? [], { sections: PROFILE_SECTIONS, strip: parseRegex('strip', args.strip) ?? null, ...fold });
  const grouped = (snapshot: Snapshot) => {
    const folded = folder?.result(snapshot) ?? null;
    if (folded !== null) return { ...folded, view: foldedView(snapshot, folded.groups) };
    const classifier = classifierFor(snapshot);
    return { classifier, groups: groupSnapshot(snapshot, { by: groupBy, similarity, filter, classifier }), view: snapshot };
  };
  const palette = paletteFor(process.stdout, args.color);
  const err = paletteFor(process.stderr, args.color);

  const snapshots: { snapshot: Snapshot; source: string; stripped: readonly string[] }[] = [];
  for (const { source, result, stripped = [] } of loaded) {
    if (result.snapshots.length === 0) {
      const lines = result.skipped.length > 0 ? ` (${result.lines} lines passed over: ${formatRanges(result.skipped)})` : '';
      const why = result.lines === 0 ? 'it is empty' : `no goroutine dump or profile was found in it${lines}`;
      for (const line of renderWarnings(result.warnings, [], err)) process.stderr.write(line + '\n');
      throw new UserError(`${source.name}: ${why}`, EXIT.noDump);
    }
    for (const snapshot of result.snapshots) snapshots.push({ snapshot: withInputKind(snapshot, source.name), source: source.name, stripped });
  }

  if (args.interactive) {
    const { startTui } = await import('../../tui/start.js');
    const source = snapshots[snapshots.length - 1]!.source;
    const code = await startTui({ snapshots: snapshots.map((s) => s.snapshot), groupBy, similarity, filter, fullPaths: args['full-paths'], source, profileGroupBy: profile.groupBy, sample: profile.sample });
    // null: no terminal to run in; startTui said so, and the plain report follows.
    if (code !== null) return code;
  }

  const warnings = snapshots.reduce((n, s) => n + s.snapshot.warnings.length, 0);
  if (args.format === 'traceback') {
    for (const { snapshot, source } of snapshots) {
      if (!writesBack(snapshot.format)) throw new UserError(`${source}: a ${snapshot.format} profile cannot be written as a traceback (--format traceback writes goroutine dumps and count profiles)`, EXIT.usage);
      process.stdout.write(renderTraceback(snapshot, filter));
    }
  } else if (args.json || args.format === 'json') {
    const json = ({ snapshot, stripped }: (typeof snapshots)[number]): object =>
      profileJson(snapshot, profile) ??
      snapshotJson(snapshot, grouped(snapshot).groups, { groupBy, lines: lineAccounting(snapshot), ...(stripped.length > 0 ? { stripped } : {}) });
    const write = (text: string): void => void process.stdout.write(text);
    if (snapshots.length > 1) {
      // One snapshot at a time, nested as JSON.stringify(…, null, 2) nests them, in small pieces (writeJson): the ids of a 1 GB input are never one string.
      write('{\n  "snapshots": [\n');
      snapshots.forEach((s, i) => {
        write('    ');
        writeJson(json(s), write, '    ');
        write(i + 1 < snapshots.length ? ',\n' : '\n');
      });
      write('  ]\n}\n');
    } else {
      writeJson(snapshots.length === 1 ? json(snapshots[0]!) : { snapshots: [] }, write);
      write('\n');
    }
  } else {
    snapshots.forEach(({ snapshot, source, stripped }, i) => {
      const { classifier, groups, view } = grouped(snapshot);
      const name = snapshots.length > 1 ? `${source} [snapshot ${i + 1} of ${snapshots.length}, lines ${snapshot.firstLine}-${snapshot.lastLine}]` : source;
      if (i > 0) process.stdout.write('\n');
      const report = profileText(snapshot, profile, { palette, fullPaths: args['full-paths'], top: args.top, stacks: args.stacks, width: outputWidth(process.stdout), source: name });
      if (report !== null) return void process.stdout.write(report);
      process.stdout.write(
        renderSnapshot(snapshot, groups, {
          palette,
          paths: shortenerFor(view, classifier, args['full-paths']),
          classifier,
          groupBy,
          top: args.top,
          stacks: args.stacks,
          width: outputWidth(process.stdout),
          source: name,
        }),
      );
      process.stdout.write(renderLineSummary(lineAccounting(snapshot), stripped, palette).join('\n') + '\n');
    });
  }
  return args.strict && warnings > 0 ? EXIT.checkFailed : EXIT.ok;
}
