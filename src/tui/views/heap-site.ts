/**
 * One allocation site: its in-use and allocated bytes and objects, its share
 * of the profile, and the stack of its first record (others merged into the
 * site differ below the site's frame).
 */
import { isEstimate } from '../../analysis/heap.js';
import type { GroupBy } from '../../analysis/keys.js';
import { escapeTerminal } from '../../render/escape.js';
import { plural } from '../../render/text.js';
import { arrayDoc, plainLine, text, type Doc, type Line } from '../document.js';
import type { HeapModel } from '../heap-model.js';
import { type ViewSettings } from './context.js';
import { recordLines } from './stack.js';
import { formatBytes, formatShare } from '../../text/numbers.js';
import { appendAll } from '../../lists.js';

export function heapSiteDoc(model: HeapModel, source: string, s: ViewSettings, by: GroupBy, index: number): Doc {
  const { sites, totals } = model.sites(by);
  const site = sites[index]!;
  const lines: Line[] = [];
  lines.push({ segments: [text(model.titles(by, s.fullPaths)[index]!, 'user')] });
  lines.push({
    segments: [
      text(`in use ${formatBytes(site.inuseBytes)} (${plural(site.inuseObjects, 'object')})`, 'bold'),
      text(`  ${formatShare(site.inuseBytes, totals.inuseBytes)} of in-use`, 'dim'),
      text(` · allocated ${formatBytes(site.allocBytes)} (${plural(site.allocObjects, 'object')})`, 'bold'),
      text(`  ${formatShare(site.allocBytes, totals.allocBytes)} of allocated`, 'dim'),
    ],
  });
  const heap = model.snapshot.heap;
  if (isEstimate(heap)) lines.push(plainLine(`estimates: sampled about every ${formatBytes(heap.sampleRate)} allocated, scaled as pprof does`, 'warn'));
  appendAll(lines, recordLines(site.group, { classifier: model.classifier, paths: s.fullPaths ? model.fullPaths : model.shortPaths, hideRuntime: s.hideRuntime }));
  const title = `${escapeTerminal(source)} · allocation site ${index + 1} of ${sites.length} (by ${by})${s.hideRuntime ? ' · runtime hidden' : ''}`;
  return arrayDoc(title, lines);
}
