/** The analyze command's --tree, --source, --source-root and --path-map, checked and turned into the explainer's options (src/kinds/explain.ts). */
import { existsSync } from 'node:fs';
import type { ExplainOptions } from '../../kinds/explain.js';
import { parsePathMap, type PathMap } from '../../input/source-files.js';
import type { AnalyzeArgs } from '../commands/analyze-args.js';
import { GdumpError } from '../../errors.js';

/** --path-map FROM=TO pairs checked, --source-root directories that exist: where source files are looked for. */
export function sourceLocations(args: Pick<AnalyzeArgs, 'source-root' | 'path-map'>): { sourceRoots: readonly string[]; pathMaps: readonly PathMap[] } {
  const pathMaps = (args['path-map'] ?? []).map(String).map((spec) => {
    const m = parsePathMap(spec);
    if (m === null) throw new GdumpError(`--path-map: expected FROM=TO (a path prefix in the dump = where it is here), got "${spec}"`, 'usage');
    return m;
  });
  const sourceRoots = (args['source-root'] ?? []).map(String);
  for (const root of sourceRoots) if (!existsSync(root)) throw new GdumpError(`--source-root: ${root}: no such directory`, 'usage');
  return { sourceRoots, pathMaps };
}

export function explainOptions(args: AnalyzeArgs): ExplainOptions {
  const { sourceRoots, pathMaps } = sourceLocations(args);
  const source = args.source || sourceRoots.length > 0 || pathMaps.length > 0 ? { roots: sourceRoots, pathMaps } : null;
  return { tree: args.tree, source };
}
