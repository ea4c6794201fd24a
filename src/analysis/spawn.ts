/**
 * The spawn tree: which creation site's goroutines started which. A
 * goroutine's creator is `created by … in goroutine N` (Go 1.21+): when
 * goroutine N is in the dump, its site is the parent; when it has exited,
 * the `[originating from goroutine N]:` blocks of
 * GODEBUG=tracebackancestors=N still give its stack and its own creator, so
 * the chain goes on through goroutines that are gone. Without them, an
 * exited creator is known only by the function holding the `go` statement.
 *
 * Edges count goroutines started (alive ones and exited creators known from
 * ancestor blocks); nodes count their goroutines alive in the dump and those
 * that have exited.
 */
import type { Frame } from '../model/frame.js';
import type { SiteFacts } from './site-facts.js';

export interface SpawnNode {
  /** The site key (`entry ← creator file:line`, as --group-by site); for an exited creator with no ancestor block, `exited: <function>`. */
  readonly key: string;
  /** The function its goroutines run; for an unknown exited creator, the function that held the `go` statement. */
  readonly func: string;
  readonly createdBy: Frame | null;
  /** Goroutines of this site in the dump. */
  alive: number;
  /** Goroutines of this site that had exited, known as the creators of others. */
  exited: number;
  /** False for an exited creator whose site is unknown (no ancestor block). */
  readonly known: boolean;
  readonly children: SpawnEdge[];
  readonly parents: SpawnEdge[];
}

export interface SpawnEdge {
  readonly parent: SpawnNode;
  readonly child: SpawnNode;
  /** Goroutines of the child site started by goroutines of the parent site. */
  count: number;
  /** Of those, started by a creator that has exited. */
  creatorsExited: number;
}

export interface SpawnTree {
  /** Nodes no edge leads to: main.main, and creators nothing more is known of. */
  readonly roots: SpawnNode[];
  readonly nodes: ReadonlyMap<string, SpawnNode>;
}

export function spawnTree(facts: SiteFacts): SpawnTree {
  const nodes = new Map<string, SpawnNode>();
  const edges = new Map<string, SpawnEdge>();
  const node = (key: string, func: string, createdBy: Frame | null, known = true): SpawnNode => {
    let n = nodes.get(key);
    if (n === undefined) {
      n = { key, func, createdBy, alive: 0, exited: 0, known, children: [], parents: [] };
      nodes.set(key, n);
    }
    return n;
  };
  const link = (parent: SpawnNode, child: SpawnNode, exited: boolean): void => {
    const id = `${parent.key}\n${child.key}`;
    let e = edges.get(id);
    if (e === undefined) {
      e = { parent, child, count: 0, creatorsExited: 0 };
      edges.set(id, e);
      parent.children.push(e);
      child.parents.push(e);
    }
    e.count++;
    if (exited) e.creatorsExited++;
  };
  const unknownCreators = new Map<string, Set<number>>();
  /** The parent node of a goroutine started by goroutine `parentId` at `createdBy`. */
  const parentOf = (createdBy: Frame | null, parentId: number | null): SpawnNode | null => {
    if (parentId !== null) {
      const alive = facts.goroutines.get(parentId);
      if (alive !== undefined) {
        const site = facts.sites.get(alive.site);
        return node(alive.site, site?.entry?.func.full ?? '?', site?.createdBy ?? null);
      }
      const gone = facts.ancestors.get(parentId);
      if (gone !== undefined) return node(gone.site, gone.entry?.func.full ?? '?', gone.createdBy);
    }
    if (createdBy === null) return null;
    const fn = createdBy.func.full;
    const n = node(`exited: ${fn}`, fn, null, false);
    if (parentId !== null) {
      let ids = unknownCreators.get(n.key);
      if (ids === undefined) unknownCreators.set(n.key, (ids = new Set()));
      ids.add(parentId);
    }
    return n;
  };

  for (const g of facts.goroutines.values()) {
    const site = facts.sites.get(g.site);
    const n = node(g.site, site?.entry?.func.full ?? '?', site?.createdBy ?? null);
    n.alive++;
    const parent = parentOf(site?.createdBy ?? null, g.parentId);
    if (parent !== null) link(parent, n, g.parentId !== null && !facts.goroutines.has(g.parentId));
  }
  for (const [id, a] of facts.ancestors) {
    if (facts.goroutines.has(id)) continue;
    const n = node(a.site, a.entry?.func.full ?? '?', a.createdBy);
    n.exited++;
    const parent = parentOf(a.createdBy, a.parentId);
    if (parent !== null) link(parent, n, a.parentId !== null && !facts.goroutines.has(a.parentId));
  }
  for (const [key, ids] of unknownCreators) nodes.get(key)!.exited = ids.size;
  const byCount = (a: SpawnEdge, b: SpawnEdge): number => b.count - a.count || (a.child.key < b.child.key ? -1 : 1);
  for (const n of nodes.values()) {
    n.children.sort(byCount);
    n.parents.sort(byCount);
  }
  const roots = [...nodes.values()].filter((n) => n.parents.length === 0 || n.parents.every((e) => e.parent === n));
  roots.sort((a, b) => (a.func === 'main.main' ? -1 : b.func === 'main.main' ? 1 : b.alive + b.exited - (a.alive + a.exited)));
  return { roots, nodes };
}

/** A site's chain of creators up to a root (the busiest parent at each step), root first, ending with the site. */
export function creatorChain(tree: SpawnTree, key: string): SpawnNode[] {
  const chain: SpawnNode[] = [];
  const seen = new Set<string>();
  let n = tree.nodes.get(key);
  while (n !== undefined && !seen.has(n.key)) {
    seen.add(n.key);
    chain.unshift(n);
    n = n.parents[0]?.parent;
  }
  return chain;
}
