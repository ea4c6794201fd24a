/**
 * The spawn tree against the chain the fixture program recorded
 * (fixtures/spawn: a ticking loop → updates → fetches → watchers, the
 * fetches and two updates exited), with and without the ancestor blocks of
 * GODEBUG=tracebackancestors.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseDump } from '../../grammar/parse.js';
import { siteFactsOf } from '../../src/analysis/site-facts.js';
import { creatorChain, spawnTree, type SpawnNode, type SpawnTree } from '../../src/analysis/spawn.js';
import { runCli } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';

interface ChainEdge {
  parent: string;
  child: string;
  count: number;
  alive: number;
  createdBy: string;
  goFile: string;
  goLine: number;
}

function treeOf(name: string): { tree: SpawnTree; chain: ChainEdge[] } {
  const truth = JSON.parse(readFileSync(fixture('spawn', `${name}.truth.json`), 'utf8')) as { chain: ChainEdge[] };
  const [s] = parseDump(readFileSync(fixture('spawn', `${name}.debug2.txt`), 'utf8')).snapshots;
  return { tree: spawnTree(siteFactsOf(s!)), chain: truth.chain };
}

/** The node of a chain edge's child: its function and its go statement. */
function childNode(tree: SpawnTree, e: ChainEdge): SpawnNode | undefined {
  return [...tree.nodes.values()].find((n) => n.known && n.func === e.child && n.createdBy?.func.full === e.createdBy && n.createdBy.line === e.goLine && path.basename(n.createdBy.file) === e.goFile);
}

describe('spawn tree', () => {
  it('with tracebackancestors, the tree equals the recorded chain: every edge, its count, alive and exited', () => {
    const { tree, chain } = treeOf('spawn-ancestors');
    const edges = [...tree.nodes.values()].flatMap((n) => n.children.map((e) => ({ parent: e.parent.func, child: e.child.func, count: e.count })));
    assert.deepEqual(
      edges.sort((a, b) => a.child.localeCompare(b.child)),
      chain.map((e) => ({ parent: e.parent, child: e.child, count: e.count })).sort((a, b) => a.child.localeCompare(b.child)),
    );
    for (const e of chain) {
      const n = childNode(tree, e);
      assert.ok(n !== undefined, `node ${e.child}`);
      assert.equal(n.alive, e.alive, `${e.child} alive`);
      assert.equal(n.exited, e.count - e.alive, `${e.child} exited`);
    }
    assert.deepEqual(tree.roots.map((r) => r.func), ['main.main']);
    const watch = childNode(tree, chain.find((e) => e.child === 'main.watch')!)!;
    assert.deepEqual(creatorChain(tree, watch.key).map((n) => n.func), ['main.main', 'main.tickLoop', 'main.update', 'main.fetch', 'main.watch']);
  });

  it('without ancestor blocks, the exited fetches are one node marked exited, named by the function that held the go statement', () => {
    const { tree, chain } = treeOf('spawn');
    const fetch = chain.find((e) => e.child === 'main.fetch')!;
    const watch = chain.find((e) => e.child === 'main.watch')!;
    const w = childNode(tree, watch)!;
    assert.equal(w.alive, watch.alive);
    assert.equal(w.parents.length, 1);
    const creator = w.parents[0]!.parent;
    assert.deepEqual({ known: creator.known, func: creator.func, alive: creator.alive, exited: creator.exited }, { known: false, func: 'main.fetch', alive: 0, exited: fetch.count });
    assert.equal(w.parents[0]!.count, watch.count);
    assert.equal(w.parents[0]!.creatorsExited, watch.count);
  });

  it('--tree prints the chain; --json carries it as nodes and edges', () => {
    const r = runCli([fixture('spawn', 'spawn-ancestors.debug2.txt'), '--tree', '--stacks', '0']);
    assert.equal(r.code, 0, r.stderr);
    const tree = r.stdout.slice(r.stdout.indexOf('Spawn tree'));
    assert.match(tree, /\n  main\.main  \(1 alive\)\n  └─ 1 started: main\.tickLoop .*\n     └─ 3 started: main\.update .*\(1 alive, 2 exited\)\n        └─ 6 started .*main\.fetch .*\(6 exited\)\n           └─ 30 started: main\.watch .*\(30 alive\)\n/);
    const json = JSON.parse(runCli([fixture('spawn', 'spawn-ancestors.debug2.txt'), '--json']).stdout) as { spawnTree: { edges: { count: number }[]; nodes: unknown[] } };
    assert.deepEqual(json.spawnTree.edges.map((e) => e.count).sort((a, b) => a - b), [1, 3, 6, 30]);
  });
});
