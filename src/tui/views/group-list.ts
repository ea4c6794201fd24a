/**
 * The first screen: groups biggest first (or by name, or by wait age), one
 * row each with count, share bar, states, wait ages and the site or stack
 * head. Only the rows on screen are ever formatted.
 */
import type { Group } from '../../analysis/group.js';
import { escapeTerminal } from '../../render/escape.js';
import { formatStates, formatWait, groupTitle, plural } from '../../render/text.js';
import { lazyDoc, shareBar, text, type Doc, type Line } from '../document.js';
import type { TuiModel } from '../model.js';
import { filterNote, pathsOf, type ViewSettings } from './context.js';
import { formatShare, groupDigits } from '../../text/numbers.js';

const BAR = 10;
/** Room the title column keeps before other columns are dropped. */
const MIN_TITLE = 36;

function pad(s: string, width: number): string {
  return s.length > width ? s.slice(0, width - 1) + '…' : s.padEnd(width);
}

interface Layout {
  countWidth: number;
  bar: boolean;
  stateWidth: number;
  waitWidth: number;
}

/** Columns that fit: the title keeps MIN_TITLE columns; the share bar goes first, then wait ages, then states. */
function layoutFor(width: number, countWidth: number, stateWidth: number, waitWidth: number): Layout {
  const l: Layout = { countWidth, bar: true, stateWidth: Math.min(24, stateWidth), waitWidth };
  const used = (): number => 1 + countWidth + 2 + 6 + (l.bar ? 1 + BAR : 0) + 2 + (l.stateWidth > 0 ? l.stateWidth + 2 : 0) + (l.waitWidth > 0 ? l.waitWidth + 2 : 0);
  if (used() + MIN_TITLE > width) l.bar = false;
  if (used() + MIN_TITLE > width) l.waitWidth = 0;
  if (used() + MIN_TITLE > width) l.stateWidth = 0;
  return l;
}

export function groupListDoc(model: TuiModel, s: ViewSettings & { width: number }): Doc {
  const grouping = model.grouping(s.groupBy);
  const order = model.order(s.groupBy, s.sort, s.filter);
  const total = grouping.total;
  const countWidth = Math.max(5, groupDigits(grouping.groups[0]?.count ?? 0).length);
  const l = layoutFor(s.width, countWidth, grouping.stateWidth === 0 ? 0 : Math.max(5, grouping.stateWidth), grouping.waitWidth === 0 ? 0 : Math.max(4, grouping.waitWidth));
  const unit = s.groupBy === 'site' ? 'site' : 'group';
  const titleOptions = { groupBy: s.groupBy, classifier: model.classifier, paths: pathsOf(model, s) };
  // Titles were made once with short paths; other settings change them, so those rows are made on demand.
  const titleOf = (g: Group, i: number): string => {
    if (s.groupBy === 'stack' && s.hideRuntime) {
      const head = model.classifier.topFrame(g.representative.frames);
      return head === null ? '(no frames)' : `${escapeTerminal(head.func.full)} ${escapeTerminal(titleOptions.paths.where(head))}`;
    }
    return s.fullPaths ? groupTitle(g, titleOptions) : grouping.titles[i]!;
  };
  const heading = s.groupBy === 'site' ? 'SITE (function run ← where it was started)' : s.groupBy.toUpperCase();
  const columns = (count: string, share: string, bar: string, states: string, wait: string): string =>
    ' ' + count.padStart(l.countWidth) + '  ' + share.padStart(6) + (l.bar ? ' ' + bar : '') + '  ' + (l.stateWidth > 0 ? pad(states, l.stateWidth) + '  ' : '') + (l.waitWidth > 0 ? pad(wait, l.waitWidth) + '  ' : '');
  const fixed: Line[] = [{ segments: [text(columns('COUNT', 'SHARE', ''.padEnd(BAR), 'STATE', 'WAIT') + heading, 'heading')] }];
  const row = (r: number): Line => {
    const index = order[r]!;
    const g = grouping.groups[index]!;
    const share = total > 0 ? g.count / total : 0;
    const rest = columns('', formatShare(g.count, total), '', formatStates(g.states), formatWait(g.waitMin, g.waitMax)).slice(1 + l.countWidth);
    const segments = [text(' ' + groupDigits(g.count).padStart(l.countWidth), 'count')];
    if (l.bar) {
      // The bar sits between share and states: split the column text around it.
      const at = 2 + 6 + 1;
      segments.push(text(rest.slice(0, at)), text(shareBar(share, BAR), 'accent'), text(rest.slice(at)));
    } else segments.push(text(rest));
    segments.push(text(titleOf(g, index), 'user'));
    return { target: { kind: 'group', by: s.groupBy, index }, segments };
  };
  let title = `${escapeTerminal(model.source)} · ${plural(total, 'goroutine')} in ${plural(grouping.groups.length, unit)} · by ${s.groupBy} · sorted by ${s.sort}`;
  if (s.filter !== null) title += filterNote(s.filter, order.length, grouping.groups.length);
  if (s.hideRuntime) title += ' · runtime hidden';
  return lazyDoc(title, fixed, [], order.length, row, 0);
}
