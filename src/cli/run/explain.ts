/**
 * What the default report adds to explain a dump: the likely leaks above
 * the table, the spawn tree below it (--tree), and both in JSON. Kept out
 * of analyze.ts, which only calls these.
 */
import { existsSync } from 'node:fs';
import type { FrameClassifier } from '../../analysis/frames.js';
import type { Group } from '../../analysis/group.js';
import { parsePathMap, SourceFiles, type PathMap } from '../../input/source-files.js';
import { renderSource, type SourceTarget } from '../../render/source.js';
import { groupTitle } from '../../render/text.js';
import { EXIT, UserError } from '../exit.js';
import { SiteFactsFolder } from '../../analysis/site-facts.js';
import { spawnTree } from '../../analysis/spawn.js';
import { snapshotSuspects } from '../../analysis/suspects.js';
import type { Snapshot } from '../../model/snapshot.js';
import type { Palette } from '../../render/palette.js';
import type { PathShortener } from '../../render/paths.js';
import { renderSuspects, suspectsJson, suspectTitle } from '../../render/suspects.js';
import { renderTree, treeJson } from '../../render/tree.js';

export interface ExplainTextOptions {
  palette: Palette;
  paths: PathShortener;
  width: number | null;
  tree: boolean;
  /** Source lines of the likely leaks (or of the biggest group when none): --source, --source-root, --path-map. */
  source: SourceArgs | null;
  /** The biggest group, for the source lines when no site is a suspect. */
  biggest: Group | undefined;
}

export interface SourceArgs {
  roots: readonly string[];
  pathMaps: readonly string[];
}

/** --path-map FROM=TO pairs checked, --source-root directories that exist: where source files are looked for. */
export function sourceLocations(args: SourceArgs): { sourceRoots: readonly string[]; pathMaps: readonly PathMap[] } {
  const pathMaps = args.pathMaps.map((spec) => {
    const m = parsePathMap(spec);
    if (m === null) throw new UserError(`--path-map: expected FROM=TO (a path prefix in the dump = where it is here), got "${spec}"`, EXIT.usage);
    return m;
  });
  for (const root of args.roots) if (!existsSync(root)) throw new UserError(`--source-root: ${root}: no such directory`, EXIT.usage);
  return { sourceRoots: args.roots, pathMaps };
}

function sourceFiles(args: SourceArgs, classifier: FrameClassifier): SourceFiles {
  const { sourceRoots, pathMaps } = sourceLocations(args);
  return new SourceFiles({ roots: sourceRoots, pathMaps, dumpGoroot: classifier.goroot });
}

export class Explainer {
  /** Gathers the facts while the grammar streams; chain its onGoroutine before the grouping fold's. */
  readonly facts = new SiteFactsFolder();

  /** Lines above the table and below the stacks. */
  text(s: Snapshot, classifier: FrameClassifier, o: ExplainTextOptions): { above: string[]; below: string[] } {
    const facts = this.facts.of(s);
    const suspects = snapshotSuspects(s, facts, classifier);
    const above = renderSuspects(suspects, o);
    const below = o.tree && s.format === 'goroutine' ? renderTree(spawnTree(facts), o) : [];
    if (o.source !== null) {
      const targets: SourceTarget[] = suspects.slice(0, 3).map((x) => ({ title: suspectTitle(x, o.paths), parkedAt: x.parkedAt, goStatement: x.createdBy }));
      const g = o.biggest;
      if (targets.length === 0 && g !== undefined) {
        targets.push({ title: groupTitle(g, { groupBy: 'site', classifier, paths: o.paths }), parkedAt: classifier.topFrame(g.representative.frames), goStatement: g.representative.createdBy });
      }
      const source = renderSource(targets, { ...o, sources: sourceFiles(o.source, classifier) });
      if (source.length > 0) below.push(...(below.length > 0 ? [''] : []), ...source);
    }
    return { above, below };
  }

  /** `suspects` for every goroutine snapshot, and `spawnTree` for tracebacks. */
  json(s: Snapshot, classifier: FrameClassifier): Record<string, unknown> {
    const facts = this.facts.of(s);
    const out: Record<string, unknown> = { suspects: suspectsJson(snapshotSuspects(s, facts, classifier)) };
    if (s.format === 'goroutine') out.spawnTree = treeJson(spawnTree(facts));
    return out;
  }
}

/** The source options of the analyze command, or null when source lines were not asked for. */
export function sourceArgs(args: { source: boolean; 'source-root': string[] | undefined; 'path-map': string[] | undefined }): SourceArgs | null {
  const roots = (args['source-root'] ?? []).map(String);
  const pathMaps = (args['path-map'] ?? []).map(String);
  return args.source || roots.length > 0 || pathMaps.length > 0 ? { roots, pathMaps } : null;
}
