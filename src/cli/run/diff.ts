/**
 * `gdump diff`'s work: load every input in order, line the snapshots up
 * (src/diff), print the report or JSON, and apply --fail-on-growth.
 */
import type { Frame } from '../../model/frame.js';
import type { Snapshot, SnapshotFormat } from '../../model/snapshot.js';
import { classifierFor } from '../../analysis/group.js';
import { diffSnapshots, type DiffResult } from '../../diff/diff.js';
import { isDiffBy } from '../../diff/keys.js';
import { parseTimes, sourceTimes } from '../../diff/times.js';
import { diffJson, renderDiff, renderGrowthFailure } from '../../render/diff.js';
import { paletteFor } from '../../render/palette.js';
import { PathShortener } from '../../render/paths.js';
import type { DiffArgs } from '../commands/diff.js';
import { EXIT, UserError } from '../exit.js';
import { outputWidth, parseRegex } from '../options.js';
import { loadInputs } from './inputs.js';

const GOROUTINE_FORMATS: readonly SnapshotFormat[] = ['goroutine', 'goroutine-debug1', 'goroutineleak'];

interface Input {
  snapshot: Snapshot;
  source: string;
}

async function loadSnapshots(args: DiffArgs): Promise<{ inputs: Input[]; times: (Date | null)[] }> {
  const loaded = await loadInputs(args.inputs);
  const inputs: Input[] = [];
  for (const { source, result } of loaded) {
    if (result.snapshots.length === 0) {
      throw new UserError(`${source.name}: ${result.lines === 0 ? 'it is empty' : 'no goroutine dump or profile was found in it'}`, EXIT.noDump);
    }
    result.snapshots.forEach((snapshot, i) => {
      const name = result.snapshots.length > 1 ? `${source.name}#${i + 1}` : source.name;
      if (!GOROUTINE_FORMATS.includes(snapshot.format)) {
        throw new UserError(`${name}: a ${snapshot.format} profile cannot be compared with goroutine dumps; give goroutine dumps (debug=2 or debug=1)`, EXIT.usage);
      }
      inputs.push({ snapshot, source: name });
    });
  }
  if (inputs.length < 2) throw new UserError(`diff needs at least two snapshots; ${args.inputs.join(', ')} held ${inputs.length}`, EXIT.usage);
  const times =
    args.times !== undefined
      ? parseTimes(args.times, inputs.length)
      : sourceTimes(loaded.map(({ source, result }) => ({ time: source.time, snapshots: result.snapshots.length })));
  return { inputs, times };
}

/** Shortens paths across every snapshot: the user's files are those of the sites' representative stacks. */
function shortenerFor(result: DiffResult, goroot: string | null, full: boolean): PathShortener {
  const files = new Set<string>();
  const add = (f: Frame | null): void => {
    if (f !== null && f.func.pkg === 'main') files.add(f.file);
  };
  for (const s of result.sites) {
    for (const p of s.points) {
      if (p === null) continue;
      p.representative.frames.forEach(add);
      add(p.representative.createdBy);
    }
  }
  return new PathShortener(goroot, files, full);
}

export async function runDiff(args: DiffArgs): Promise<number> {
  const by = args.by;
  if (!isDiffBy(by)) throw new UserError(`--by: expected site, stack, top or label:KEY, got "${by}"`, EXIT.usage);
  const ignore = parseRegex('ignore-site', args['ignore-site']);
  const limit = args['fail-on-growth'];
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0)) {
    throw new UserError(`--fail-on-growth: expected a whole number of goroutines (0 or more), got "${limit}"`, EXIT.usage);
  }
  const { inputs, times } = await loadSnapshots(args);
  const snapshots = inputs.map((i) => i.snapshot);
  const result = diffSnapshots(snapshots, { by, ignore, times });
  const classifier = classifierFor(snapshots[snapshots.length - 1]!);
  const paths = shortenerFor(result, classifier.goroot, args['full-paths']);

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
