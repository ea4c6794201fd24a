/**
 * `gdump diff`'s work: load every input in order, line the snapshots up
 * (src/diff), print the report or JSON, and apply --fail-on-growth.
 */
import { PROFILE_SECTIONS } from '../../../grammar/sections.js';
import type { Frame } from '../../model/frame.js';
import type { Snapshot } from '../../model/snapshot.js';
import { FrameClassifier, findGoroot } from '../../analysis/frames.js';
import { withInputKind } from '../../analysis/heap.js';
import '../../input/binary.js';
import { diffKindOf, diffSnapshots, type DiffResult } from '../../diff/diff.js';
import { isDiffBy } from '../../diff/keys.js';
import { parseTimes, sourceTimes } from '../../diff/times.js';
import { diffJson, renderDiff, renderGrowthFailure } from '../../render/diff.js';
import { paletteFor } from '../../render/palette.js';
import { PathShortener } from '../../render/paths.js';
import type { DiffArgs } from '../commands/diff.js';
import { EXIT, UserError } from '../exit.js';
import { outputWidth, parseRegex } from '../options.js';
import { loadInputs } from './inputs.js';
import { parseSample } from './profiles.js';

interface Input {
  snapshot: Snapshot;
  source: string;
}

async function loadSnapshots(args: DiffArgs): Promise<{ inputs: Input[]; times: (Date | null)[] }> {
  const loaded = await loadInputs(args.inputs, { sections: PROFILE_SECTIONS });
  const inputs: Input[] = [];
  for (const { source, result } of loaded) {
    if (result.snapshots.length === 0) {
      throw new UserError(`${source.name}: ${result.lines === 0 ? 'it is empty' : 'no goroutine dump or profile was found in it'}`, EXIT.noDump);
    }
    result.snapshots.forEach((snapshot, i) => {
      const name = result.snapshots.length > 1 ? `${source.name}#${i + 1}` : source.name;
      inputs.push({ snapshot: withInputKind(snapshot, source.name), source: name });
    });
  }
  if (inputs.length < 2) throw new UserError(`diff needs at least two snapshots; ${args.inputs.join(', ')} held ${inputs.length}`, EXIT.usage);
  if (diffKindOf(inputs.map((i) => i.snapshot)) === null) {
    const kinds = inputs.map((i) => `${i.source} (${i.snapshot.format})`).join(', ');
    throw new UserError(`cannot compare ${kinds}: give all goroutine dumps (debug=2 or debug=1, mixed is fine) or all heap/allocs profiles`, EXIT.usage);
  }
  const times =
    args.times !== undefined
      ? parseTimes(args.times, inputs.length)
      : sourceTimes(loaded.map(({ source, result }) => ({ time: source.time, snapshots: result.snapshots.length })));
  return { inputs, times };
}

/** Every frame of the sites' representative stacks, which is all the report prints. */
function* siteFrames(result: DiffResult): Iterable<Frame> {
  for (const s of result.sites) {
    for (const p of s.points) {
      if (p === null) continue;
      yield* p.representative.frames;
      if (p.representative.createdBy !== null) yield p.representative.createdBy;
    }
  }
}

/** Shortens paths across every snapshot: the user's files are the user frames' of the sites' stacks. */
function shortenerFor(result: DiffResult, classifier: FrameClassifier, full: boolean): PathShortener {
  const files = new Set<string>();
  for (const f of siteFrames(result)) if (classifier.kind(f) === 'user') files.add(f.file);
  return new PathShortener(classifier.goroot, files, full);
}

export async function runDiff(args: DiffArgs): Promise<number> {
  const by = args.by ?? 'site';
  if (!isDiffBy(by)) throw new UserError(`--by: expected site, stack, top or label:KEY, got "${by}"`, EXIT.usage);
  const ignore = parseRegex('ignore-site', args['ignore-site']);
  const limit = args['fail-on-growth'];
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    throw new UserError(`--fail-on-growth: expected a whole number (goroutines, or bytes for heap diffs; 0 or more), got "${limit}"`, EXIT.usage);
  }
  const { inputs, times } = await loadSnapshots(args);
  const snapshots = inputs.map((i) => i.snapshot);
  const result = diffSnapshots(snapshots, { by: args.by === undefined ? undefined : by, ignore, times, sample: parseSample(args.sample) });
  const classifier = new FrameClassifier(findGoroot(siteFrames(result)));
  const paths = shortenerFor(result, classifier, args['full-paths']);

  if (args.json) process.stdout.write(JSON.stringify(diffJson(result), null, 2) + '\n');
  else {
    const palette = paletteFor(process.stdout, args.color);
    const width = outputWidth(process.stdout);
    process.stdout.write(renderDiff(result, { palette, paths, classifier, top: args.top, stacks: args.stacks, width, sources: inputs.map((i) => i.source) }));
  }
  if (limit === undefined) return EXIT.ok;
  const failed = result.sites.filter((s) => s.delta > limit);
  if (failed.length === 0) return EXIT.ok;
  process.stderr.write(`gdump: ${renderGrowthFailure(failed, limit, result, { paths, classifier })}\n`);
  return EXIT.checkFailed;
}
