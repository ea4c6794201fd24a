/**
 * The heap view's first page: allocation sites biggest first by the chosen
 * value (in-use or allocated, bytes or objects), with all four columns and
 * the sorted one highlighted. Only the rows on screen are formatted.
 */
import type { HeapSample } from '../../model/profile.js';
import { escapeTerminal } from '../../render/escape.js';
import { SAMPLE_NAMES } from '../../render/heap.js';
import { plural } from '../../render/text.js';
import { lazyDoc, text, type Doc, type Line, type Style } from '../document.js';
import type { HeapModel } from '../heap-model.js';
import { filterNote, type ViewSettings } from './context.js';
import { formatBytes, groupDigits } from '../../text/numbers.js';

const COLUMNS: readonly { sample: HeapSample; title: string; width: number }[] = [
  { sample: 'inuse_space', title: 'INUSE', width: 10 },
  { sample: 'inuse_objects', title: 'OBJECTS', width: 9 },
  { sample: 'alloc_space', title: 'ALLOC', width: 10 },
  { sample: 'alloc_objects', title: 'OBJECTS', width: 9 },
];

function cell(sample: HeapSample, n: number): string {
  return sample.endsWith('_space') ? formatBytes(n) : groupDigits(n);
}

export function heapListDoc(model: HeapModel, source: string, s: ViewSettings): Doc {
  const { sites, totals } = model.sites(s.heapBy);
  const order = model.order(s.heapBy, s.heapSample, s.filter);
  const titles = model.titles(s.heapBy, s.fullPaths);
  const style = (c: HeapSample): Style => (c === s.heapSample ? 'count' : 'plain');
  const heading = COLUMNS.map((c) => c.title.padStart(c.width)).join(' ');
  const fixed: Line[] = [{ segments: [text(' ' + heading + '  ' + `SITE (${s.heapBy === 'top' ? 'allocating function' : s.heapBy})`, 'heading')] }];
  const kind = model.snapshot.format === 'allocs' ? 'allocs profile' : 'heap profile';
  let title = `${escapeTerminal(source)} · ${kind} · ${plural(sites.length, 'site')} · in use ${formatBytes(totals.inuseBytes)} · allocated ${formatBytes(totals.allocBytes)} · by ${s.heapBy} · sorted by ${SAMPLE_NAMES[s.heapSample]}`;
  if (s.filter !== null) title += filterNote(s.filter, order.length, sites.length);
  if (s.hideRuntime) title += ' · runtime hidden';
  return lazyDoc(title, fixed, [], order.length, (r) => {
    const index = order[r]!;
    const site = sites[index]!;
    const values: Record<HeapSample, number> = { inuse_space: site.inuseBytes, inuse_objects: site.inuseObjects, alloc_space: site.allocBytes, alloc_objects: site.allocObjects };
    const segments = [text(' ')];
    for (const c of COLUMNS) segments.push(text(cell(c.sample, values[c.sample]).padStart(c.width), style(c.sample)), text(' '));
    segments.push(text(' '), text(titles[index]!, 'user'));
    return { target: { kind: 'heapSite', by: s.heapBy, index }, segments };
  }, 0);
}
