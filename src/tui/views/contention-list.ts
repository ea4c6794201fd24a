/**
 * The contention view's first page (block and mutex profiles): sites by
 * delay (or by events), with their share of the delay and their events.
 * Only the rows on screen are formatted.
 */
import { escapeTerminal } from '../../render/escape.js';
import { contentionSiteTitle, formatSeconds } from '../../render/heap.js';
import { plural } from '../../render/text.js';
import type { ContentionModel } from '../contention-model.js';
import { lazyDoc, text, type Doc, type Line } from '../document.js';
import { filterNote, type ViewSettings } from './context.js';
import { formatShare, groupDigits } from '../../text/numbers.js';

const SORT_NAMES = { delay: 'delay', events: 'events' } as const;

export function contentionListDoc(model: ContentionModel, source: string, s: ViewSettings): Doc {
  const { sites, delaySeconds, events } = model.sites(s.contentionBy);
  const order = model.order(s.contentionBy, s.contentionSort, s.filter);
  const titles = model.titles(s.contentionBy, s.fullPaths);
  // A loop, not Math.max(...sites): a profile grouped by stack can have more sites than a call takes arguments.
  let delayWidth = 7;
  let eventWidth = 6;
  for (const x of sites) {
    delayWidth = Math.max(delayWidth, formatSeconds(x.delaySeconds).length);
    eventWidth = Math.max(eventWidth, groupDigits(x.contentions).length);
  }
  const columns = (delay: string, share: string, count: string): string => ' ' + delay.padStart(delayWidth) + '  ' + share.padStart(6) + '  ' + count.padStart(eventWidth) + '  ';
  const fixed: Line[] = [{ segments: [text(columns('DELAY', 'SHARE', 'EVENTS') + contentionSiteTitle(model.snapshot.format, s.contentionBy), 'heading')] }];
  const kind = model.snapshot.format === 'mutex' ? 'mutex profile' : 'block profile';
  let title = `${escapeTerminal(source)} · ${kind} · ${plural(sites.length, 'site')} · delay ${formatSeconds(delaySeconds)} over ${plural(events, 'event')} · by ${s.contentionBy} · sorted by ${SORT_NAMES[s.contentionSort]}`;
  if (s.filter !== null) title += filterNote(s.filter, order.length, sites.length);
  if (s.hideRuntime) title += ' · runtime hidden';
  return lazyDoc(title, fixed, [], order.length, (r) => {
    const index = order[r]!;
    const x = sites[index]!;
    const share = delaySeconds !== null && x.delaySeconds !== null ? formatShare(x.delaySeconds, delaySeconds) : '';
    const cells = columns(formatSeconds(x.delaySeconds), share, groupDigits(x.contentions));
    const segments = [text(cells.slice(0, 1 + delayWidth), 'count'), text(cells.slice(1 + delayWidth)), text(titles[index]!, 'user')];
    return { target: { kind: 'contentionSite', by: s.contentionBy, index }, segments };
  }, 0);
}
