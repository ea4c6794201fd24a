/**
 * The spawn tree as text (`--tree`) and JSON: each site under the site whose
 * goroutines started it, with the number started on the edge and the
 * site's goroutines alive and exited.
 */
import type { SpawnEdge, SpawnNode, SpawnTree } from '../analysis/spawn.js';
import { escapeTerminal } from './escape.js';
import { frameJson } from './json.js';
import type { Palette } from './palette.js';
import type { PathShortener } from './paths.js';
import { groupDigits } from '../text/numbers.js';
import { truncate } from './table.js';

export interface TreeTextOptions {
  palette: Palette;
  paths: PathShortener;
  width: number | null;
}

/** `main.watch ← main.fetch main.go:88`, as the table's SITE column. */
export function nodeTitle(n: SpawnNode, paths: PathShortener): string {
  if (!n.known) return `(exited goroutines running ${escapeTerminal(n.func)})`;
  let text = escapeTerminal(n.func);
  if (n.createdBy !== null) text += `  ← ${escapeTerminal(n.createdBy.func.full)} ${escapeTerminal(paths.where(n.createdBy))}`;
  return text;
}

/** `30 alive`, `1 alive, 2 exited`. */
export function nodeCounts(n: SpawnNode): string {
  const parts: string[] = [];
  if (n.alive > 0) parts.push(`${groupDigits(n.alive)} alive`);
  if (n.exited > 0) parts.push(`${groupDigits(n.exited)} exited`);
  return parts.join(', ');
}

function edgeText(e: SpawnEdge): string {
  return `${groupDigits(e.count)} started` + (e.creatorsExited > 0 && e.creatorsExited < e.count ? ` (${groupDigits(e.creatorsExited)} by exited creators)` : '');
}

export function renderTree(tree: SpawnTree, o: TreeTextOptions): string[] {
  const p = o.palette;
  const out = [p.bold('Spawn tree (each site under the site whose goroutines started it)')];
  const cut = (s: string): string => (o.width === null ? s : truncate(s, o.width));
  const seen = new Set<SpawnNode>();
  const walk = (n: SpawnNode, prefix: string, edge: SpawnEdge | null, last: boolean): void => {
    const branch = edge === null ? '' : last ? '└─ ' : '├─ ';
    const counts = nodeCounts(n);
    const head = edge === null ? '' : `${edgeText(edge)}: `;
    const title = nodeTitle(n, o.paths);
    const marked = n.alive === 0 ? p.dim(title) : title;
    out.push(cut(`  ${prefix}${branch}${head}${marked}${counts === '' ? '' : p.dim(`  (${counts})`)}`));
    if (seen.has(n)) return;
    seen.add(n);
    const next = edge === null ? prefix : prefix + (last ? '   ' : '│  ');
    const children = n.children.filter((c) => c.child !== n);
    children.forEach((c, i) => walk(c.child, next, c, i === children.length - 1));
  };
  for (const r of tree.roots) walk(r, '', null, true);
  return out;
}

/** `spawnTree: {nodes: [{key, function, createdBy, alive, exited, known}], edges: [{parent, child, count, creatorsExited}]}`. */
export function treeJson(tree: SpawnTree): Record<string, unknown> {
  const nodes = [...tree.nodes.values()];
  return {
    roots: tree.roots.map((r) => r.key),
    nodes: nodes.map((n) => ({ key: n.key, function: n.func, createdBy: n.createdBy === null ? null : frameJson(n.createdBy), alive: n.alive, exited: n.exited, known: n.known })),
    edges: nodes.flatMap((n) => n.children.map((e) => ({ parent: e.parent.key, child: e.child.key, count: e.count, creatorsExited: e.creatorsExited }))),
  };
}
