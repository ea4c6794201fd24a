/**
 * The diff view's first page: sites biggest growth first (or by size after,
 * or by name), one row each with before → after (the counts and a sparkline
 * for a series, flagged when the site grew in every interval), Δ, Δ% and
 * the state changes. Only the rows on screen are formatted.
 */
import type { DiffResult, DiffSite } from '../../diff/diff.js';
import { escapeTerminal } from '../../render/escape.js';
import { formatStateDeltas, signed, sparkline, unitOf, valueFormat } from '../../render/diff.js';
import { plural } from '../../render/text.js';
import type { DiffModel } from '../diff-model.js';
import { lazyDoc, text, type Doc, type Line, type Style } from '../document.js';
import { filterNote, type ViewSettings } from './context.js';
import { formatChange } from '../../text/numbers.js';

/** Room the site column keeps before the states column is dropped. */
const MIN_TITLE = 36;
const STATES_WIDTH = 28;
export const EVERY_INTERVAL = '↑ every interval';

function pad(s: string, width: number): string {
  return s.length > width ? s.slice(0, width - 1) + '…' : s.padEnd(width);
}

export function deltaStyle(delta: number): Style {
  return delta > 0 ? 'bad' : delta < 0 ? 'good' : 'plain';
}

/** `a → b` of the sources, or `first … last` for a long series. */
export function seriesName(sources: readonly string[]): string {
  return escapeTerminal(sources.length > 3 ? `${sources[0]} … ${sources[sources.length - 1]}` : sources.join(' → '));
}

interface Columns {
  series: boolean;
  first: number;
  second: number;
  delta: number;
  states: boolean;
}

function columnsOf(result: DiffResult, value: (n: number) => string, width: number): Columns {
  const series = result.totals.length > 2;
  let first = 6;
  let second = series ? result.totals.length + 1 + EVERY_INTERVAL.length : 5;
  let delta = 5;
  for (const s of result.sites) {
    if (series) first = Math.max(first, s.counts.map(value).join(' ').length);
    else {
      first = Math.max(first, value(s.before).length);
      second = Math.max(second, value(s.after).length);
    }
    delta = Math.max(delta, signed(s.delta, value).length);
  }
  const hasStates = result.sites.some((s) => s.states !== null && s.states.size > 0);
  const used = 1 + first + 2 + second + 2 + delta + 2 + 6 + 2;
  return { series, first, second, delta, states: hasStates && used + STATES_WIDTH + 2 + MIN_TITLE <= width };
}

function row(site: DiffSite, title: string, c: Columns, value: (n: number) => string): Line {
  const segments = [];
  if (c.series) {
    segments.push(text(' ' + pad(site.counts.map(value).join(' '), c.first) + '  '));
    segments.push(text(pad(sparkline(site.counts) + (site.monotonic ? ' ' + EVERY_INTERVAL : ''), c.second), site.monotonic ? 'bad' : 'accent'));
  } else {
    segments.push(text(' ' + value(site.before).padStart(c.first) + '  '), text(value(site.after).padStart(c.second), 'count'));
  }
  segments.push(text('  ' + signed(site.delta, value).padStart(c.delta) + '  ' + formatChange(site.deltaPercent).padStart(6), deltaStyle(site.delta)));
  segments.push(text('  ' + (c.states ? pad(formatStateDeltas(site.states), STATES_WIDTH) + '  ' : '')));
  segments.push(text(title, 'user'));
  return { segments };
}

const SORT_NAMES = { delta: 'Δ', after: 'size after', name: 'name' } as const;

export function diffListDoc(model: DiffModel, s: ViewSettings & { width: number }): Doc {
  const result = model.result(s.diffBy);
  const order = model.order(s.diffBy, s.diffSort, s.filter);
  const titles = model.titles(s.diffBy, s.fullPaths);
  const value = valueFormat(result);
  const c = columnsOf(result, value, s.width);
  const site = result.by === 'site' ? 'SITE (function run ← where it was started)' : result.by.toUpperCase();
  const heading = c.series
    ? ' ' + 'COUNTS'.padEnd(c.first) + '  ' + 'TREND'.padEnd(c.second)
    : ' ' + 'BEFORE'.padStart(c.first) + '  ' + 'AFTER'.padStart(c.second);
  const fixed: Line[] = [{ segments: [text(heading + '  ' + 'Δ'.padStart(c.delta) + '  ' + 'Δ%'.padStart(6) + '  ' + (c.states ? 'STATES'.padEnd(STATES_WIDTH) + '  ' : '') + site, 'heading')] }];
  const totals = result.totals;
  const before = totals[0] ?? 0;
  const after = totals[totals.length - 1] ?? 0;
  let title = `${seriesName(model.sources)} · ${totals.map(value).join(' → ')} ${unitOf(result)} (${signed(after - before, value)}) · ${plural(result.sites.length, 'site')} · by ${result.by} · sorted by ${SORT_NAMES[s.diffSort]}`;
  if (result.ignored > 0) title += ` · ${result.ignored} ignored`;
  if (s.filter !== null) title += filterNote(s.filter, order.length, result.sites.length);
  return lazyDoc(title, fixed, [], order.length, (r) => {
    const index = order[r]!;
    return { ...row(result.sites[index]!, titles[index]!, c, value), target: { kind: 'diffSite', by: s.diffBy, index } };
  }, 0);
}
