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
import { pathsOf, percent, type ViewSettings } from './context.js';

const BAR = 10;
const STATE_WIDTH = 18;
const WAIT_WIDTH = 11;

function pad(s: string, width: number): string {
  return s.length > width ? s.slice(0, width - 1) + '…' : s.padEnd(width);
}

export function groupListDoc(model: TuiModel, s: ViewSettings): Doc {
  const grouping = model.grouping(s.groupBy);
  const order = model.order(s.groupBy, s.sort, s.filter);
  const total = grouping.total;
  const countWidth = Math.max(5, (grouping.groups[0]?.count ?? 0).toLocaleString('en-US').length);
  const hasStates = grouping.groups.some((g) => g.states.size > 0);
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
  const fixed: Line[] = [
    {
      segments: [
        text(' ' + 'COUNT'.padStart(countWidth) + '  ' + 'SHARE'.padStart(6) + ' ' + ''.padEnd(BAR) + '  ' + (hasStates ? pad('STATE', STATE_WIDTH) + '  ' + pad('WAIT', WAIT_WIDTH) + '  ' : '') + heading, 'heading'),
      ],
    },
  ];
  const row = (r: number): Line => {
    const index = order[r]!;
    const g = grouping.groups[index]!;
    const share = total > 0 ? g.count / total : 0;
    return {
      target: { kind: 'group', by: s.groupBy, index },
      segments: [
        text(' ' + g.count.toLocaleString('en-US').padStart(countWidth), 'count'),
        text('  ' + percent(g.count, total).padStart(6) + ' '),
        text(shareBar(share, BAR), 'accent'),
        text('  ' + (hasStates ? pad(formatStates(g.states), STATE_WIDTH) + '  ' + pad(formatWait(g.waitMin, g.waitMax), WAIT_WIDTH) + '  ' : '')),
        text(titleOf(g, index), 'user'),
      ],
    };
  };
  let title = `${escapeTerminal(model.source)} · ${plural(total, 'goroutine')} in ${plural(grouping.groups.length, unit)} · by ${s.groupBy} · sorted by ${s.sort}`;
  if (s.filter !== null) title += ` · /${escapeTerminal(s.filter.source)}/ ${order.length} of ${grouping.groups.length}`;
  if (s.hideRuntime) title += ' · runtime hidden';
  return lazyDoc(title, fixed, [], order.length, row, 0);
}
