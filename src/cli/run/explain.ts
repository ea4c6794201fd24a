/**
 * What the default report adds to explain a dump: the likely leaks above
 * the table, the spawn tree below it (--tree), and both in JSON. Kept out
 * of analyze.ts, which only calls these.
 */
import type { FrameClassifier } from '../../analysis/frames.js';
import { SiteFactsFolder } from '../../analysis/site-facts.js';
import { spawnTree } from '../../analysis/spawn.js';
import { snapshotSuspects } from '../../analysis/suspects.js';
import type { Snapshot } from '../../model/snapshot.js';
import type { Palette } from '../../render/palette.js';
import type { PathShortener } from '../../render/paths.js';
import { renderSuspects, suspectsJson } from '../../render/suspects.js';
import { renderTree, treeJson } from '../../render/tree.js';

export interface ExplainTextOptions {
  palette: Palette;
  paths: PathShortener;
  width: number | null;
  tree: boolean;
}

export class Explainer {
  /** Gathers the facts while the grammar streams; chain its onGoroutine before the grouping fold's. */
  readonly facts = new SiteFactsFolder();

  /** Lines above the table and below the stacks. */
  text(s: Snapshot, classifier: FrameClassifier, o: ExplainTextOptions): { above: string[]; below: string[] } {
    const facts = this.facts.of(s);
    const above = renderSuspects(snapshotSuspects(s, facts, classifier), o);
    const below = o.tree && s.format === 'goroutine' ? renderTree(spawnTree(facts), o) : [];
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
