/**
 * What the goroutine kinds' reports add to explain a dump: the likely leaks
 * above the table, the spawn tree (--tree) and the source lines (--source)
 * after the stacks, and the suspects and the tree in JSON. The facts are
 * gathered while the grammar streams (chain `facts.onGoroutine` before the
 * grouping fold's), so they survive the fold dropping the goroutines.
 */
import type { FrameClassifier } from '../analysis/frames.js';
import type { Group } from '../analysis/group.js';
import { SiteFactsFolder } from '../analysis/site-facts.js';
import { spawnTree } from '../analysis/spawn.js';
import { snapshotSuspects } from '../analysis/suspects.js';
import { SourceFiles, type PathMap } from '../input/source-files.js';
import type { Snapshot } from '../model/snapshot.js';
import type { Palette } from '../render/palette.js';
import type { PathShortener } from '../render/paths.js';
import { renderSource, type SourceTarget } from '../render/source.js';
import { renderSuspects, suspectsJson, suspectTitle } from '../render/suspects.js';
import { groupTitle } from '../render/text.js';
import { renderTree, treeJson } from '../render/tree.js';
import { appendAll } from '../lists.js';

export interface ExplainOptions {
  /** --tree: the spawn tree after the stacks. */
  readonly tree: boolean;
  /** --source, --source-root, --path-map: where source files are looked for; null for no source lines. */
  readonly source: { readonly roots: readonly string[]; readonly pathMaps: readonly PathMap[] } | null;
}

export interface ExplainTextOptions {
  readonly palette: Palette;
  readonly paths: PathShortener;
  readonly width: number | null;
  /** The biggest group, whose source is shown when no site is a suspect. */
  readonly biggest: Group | undefined;
}

export class Explainer {
  readonly facts = new SiteFactsFolder();

  constructor(private readonly options: ExplainOptions = { tree: false, source: null }) {}

  /** Lines above the table and after the stacks. */
  text(s: Snapshot, classifier: FrameClassifier, o: ExplainTextOptions): { above: string[]; below: string[] } {
    const facts = this.facts.of(s);
    const suspects = snapshotSuspects(s, facts, classifier);
    const above = renderSuspects(suspects, o);
    const below = this.options.tree && s.kind === 'traceback' ? renderTree(spawnTree(facts), o) : [];
    const source = this.options.source;
    if (source !== null) {
      const targets: SourceTarget[] = suspects.slice(0, 3).map((x) => ({ title: suspectTitle(x, o.paths), parkedAt: x.parkedAt, goStatement: x.createdBy }));
      const g = o.biggest;
      if (targets.length === 0 && g !== undefined) {
        targets.push({ title: groupTitle(g, { groupBy: 'site', classifier, paths: o.paths }), parkedAt: classifier.topFrame(g.representative.frames), goStatement: g.representative.createdBy });
      }
      const sources = new SourceFiles({ roots: source.roots, pathMaps: source.pathMaps, dumpGoroot: classifier.goroot });
      const lines = renderSource(targets, { ...o, sources });
      if (lines.length > 0) appendAll(below, [...(below.length > 0 ? [''] : []), ...lines]);
    }
    return { above, below };
  }

  /** `suspects` for goroutine snapshots, and `spawnTree` for tracebacks. */
  json(s: Snapshot, classifier: FrameClassifier): Record<string, unknown> {
    const facts = this.facts.of(s);
    const out: Record<string, unknown> = { suspects: suspectsJson(snapshotSuspects(s, facts, classifier)) };
    if (s.kind === 'traceback') out.spawnTree = treeJson(spawnTree(facts));
    return out;
  }
}
