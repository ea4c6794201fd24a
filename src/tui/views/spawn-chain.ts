/**
 * `t` on a group: its spawn chain. The sites whose goroutines started it,
 * up to main (the busiest creator at each step), then the site itself, then
 * the sites its goroutines started, each with the number started and its
 * goroutines alive and exited. Enter on a site opens its group.
 */
import { creatorChain, type SpawnNode } from '../../analysis/spawn.js';
import { escapeTerminal } from '../../render/escape.js';
import { nodeCounts, nodeTitle } from '../../render/tree.js';
import { groupDigits } from '../../text/numbers.js';
import { arrayDoc, BLANK, plainLine, text, type Doc, type Line } from '../document.js';
import type { TuiModel } from '../model.js';
import { pathsOf, type ViewSettings } from './context.js';

function nodeLine(model: TuiModel, s: ViewSettings, n: SpawnNode, indent: string, lead: string, style: 'user' | 'plain'): Line {
  const index = model.siteGroupIndex(n.key);
  const counts = nodeCounts(n);
  return {
    ...(index === null ? {} : { target: { kind: 'group' as const, by: 'site' as const, index } }),
    segments: [text(`${indent}${lead}`, 'count'), text(nodeTitle(n, pathsOf(model, s)), n.alive === 0 ? 'dim' : style), text(counts === '' ? '' : `  (${counts})`, 'dim')],
  };
}

export function spawnChainDoc(model: TuiModel, s: ViewSettings, site: string): Doc {
  const tree = model.spawnTree();
  const title = `${escapeTerminal(model.source)} · spawn chain`;
  const node = tree.nodes.get(site);
  if (node === undefined) return arrayDoc(title, [plainLine('This group has no creation site in the dump (a debug=1 record has no `created by`).', 'dim')]);
  const chain = creatorChain(tree, site);
  const lines: Line[] = [plainLine('STARTED BY (up to the first goroutine; the busiest creator at each step)', 'heading')];
  chain.forEach((n, i) => {
    const edge = i === 0 ? null : n.parents.find((e) => e.parent === chain[i - 1]);
    const lead = edge === null || edge === undefined ? '' : `└─ ${groupDigits(edge.count)} started: `;
    lines.push(nodeLine(model, s, n, '  '.repeat(i), lead, n === node ? 'user' : 'plain'));
  });
  if (node.parents.length > 1) lines.push(plainLine(`  (also started from ${node.parents.length - 1} other site${node.parents.length === 2 ? '' : 's'})`, 'dim'));
  lines.push(BLANK, plainLine(node.children.length === 0 ? 'STARTED NOTHING (no goroutine in the dump names one of these as its creator)' : 'STARTED', 'heading'));
  for (const e of node.children) lines.push(nodeLine(model, s, e.child, '  ', `${groupDigits(e.count)} started: `, 'plain'));
  return arrayDoc(title, lines, [], Math.max(1, chain.length));
}
