/**
 * One contention site: its delay and events with their shares of the
 * profile, and the stack of its first record (others merged into the site
 * differ below the site's frame).
 */
import type { GroupBy } from '../../analysis/keys.js';
import { escapeTerminal } from '../../render/escape.js';
import { formatSeconds } from '../../render/heap.js';
import { plural } from '../../render/text.js';
import type { ContentionModel } from '../contention-model.js';
import { arrayDoc, plainLine, text, type Doc, type Line } from '../document.js';
import { type ViewSettings } from './context.js';
import { recordLines } from './stack.js';
import { formatShare } from '../../text/numbers.js';
import { appendAll } from '../../lists.js';

export function contentionSiteDoc(model: ContentionModel, source: string, s: ViewSettings, by: GroupBy, index: number): Doc {
  const { sites, delaySeconds, events } = model.sites(by);
  const site = sites[index]!;
  const lines: Line[] = [];
  lines.push({ segments: [text(model.titles(by, s.fullPaths)[index]!, 'user')] });
  const delayShare = delaySeconds !== null && site.delaySeconds !== null ? `  ${formatShare(site.delaySeconds, delaySeconds)} of the delay` : '';
  lines.push({
    segments: [
      text(`delay ${formatSeconds(site.delaySeconds)}`, 'bold'),
      text(delayShare, 'dim'),
      text(` · ${plural(site.contentions, 'event')}`, 'bold'),
      text(`  ${formatShare(site.contentions, events)} of the events`, 'dim'),
    ],
  });
  if (site.delaySeconds === null) lines.push(plainLine('the profile has no cycles/second line: delays cannot be converted to time', 'warn'));
  if (model.snapshot.format === 'mutex') lines.push(plainLine('mutex profile: the delay of the waiters, charged to the stack that unlocked', 'dim'));
  appendAll(lines, recordLines(site.group, { classifier: model.classifier, paths: s.fullPaths ? model.fullPaths : model.shortPaths, hideRuntime: s.hideRuntime }));
  const title = `${escapeTerminal(source)} · contention site ${index + 1} of ${sites.length} (by ${by})${s.hideRuntime ? ' · runtime hidden' : ''}`;
  return arrayDoc(title, lines);
}
