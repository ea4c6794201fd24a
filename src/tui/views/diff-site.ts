/**
 * One site of a diff: what changed (before → after, Δ, states, wait ages,
 * the counts per snapshot), then its stack before and after, with the text
 * that changed between them highlighted (fast-diff, src/diff/stackdiff.ts).
 * With a series the stacks are the first and last snapshots that have it.
 */
import type { DiffSite } from '../../diff/diff.js';
import type { DiffBy } from '../../diff/diff.js';
import { diffText, stackText, type TextChange } from '../../diff/stackdiff.js';
import type { Member } from '../../analysis/members.js';
import { escapeTerminal } from '../../render/escape.js';
import { formatStateDeltas, signed, siteTitle, sparkline, unitOf, valueFormat, waitShift } from '../../render/diff.js';
import { plural } from '../../render/text.js';
import type { DiffModel } from '../diff-model.js';
import { BLANK, lazyDoc, plainLine, text, type Doc, type Line, type Segment } from '../document.js';
import type { TuiModel } from '../model.js';
import type { ViewSettings } from './context.js';
import { deltaStyle, EVERY_INTERVAL, seriesName } from './diff-list.js';
import { formatBytes, formatChange } from '../../text/numbers.js';
import { appendAll, maxOf } from '../../lists.js';

/**
 * One side of a stack diff as lines: the text both sides share plain, this
 * side's own text highlighted (red before, green after), the other side's
 * left out.
 */
export function sideLines(changes: readonly TextChange[], side: -1 | 1): Line[] {
  const lines: Segment[][] = [[]];
  for (const { op, text: t } of changes) {
    if (op === -side) continue;
    t.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1]!.push(text(escapeTerminal(part), op === 0 ? 'plain' : side < 0 ? 'bad' : 'good'));
    });
  }
  return lines.map((segments) => ({ segments: [text('  '), ...segments] }));
}

/** The member with only its user frames, when runtime and stdlib frames are hidden. */
function shown(m: Member, model: DiffModel, hideRuntime: boolean): Member {
  return hideRuntime ? { ...m, frames: m.frames.filter((f) => model.classifier.kind(f) === 'user') } : m;
}

function indexOfFirst(site: DiffSite): number {
  return site.points.findIndex((p) => p !== null);
}

function indexOfLast(site: DiffSite): number {
  for (let i = site.points.length - 1; i >= 0; i--) if (site.points[i] !== null) return i;
  return -1;
}

function who(m: Member): string {
  return m.id === null ? 'a debug=1 record' : `goroutine ${m.id}`;
}

export function diffSiteDoc(tui: TuiModel, model: DiffModel, s: ViewSettings, by: DiffBy, index: number): Doc {
  const result = model.result(by);
  const site = result.sites[index]!;
  const value = valueFormat(result);
  const paths = s.fullPaths ? model.fullPaths : model.shortPaths;
  const head: Line[] = [];
  head.push({ segments: [text(siteTitle(site, by, { classifier: model.classifier, paths }), 'user')] });
  const facts: Segment[] = [
    text(`${value(site.before)} → ${value(site.after)} ${unitOf(result)}  `, 'bold'),
    text(`${signed(site.delta, value)} (${formatChange(site.deltaPercent)})`, deltaStyle(site.delta)),
    text(`  ${site.status}`),
  ];
  if (site.monotonic && site.counts.length > 2) facts.push(text(`  ${EVERY_INTERVAL}`, 'bad'));
  if (site.moved) facts.push(text('  moved between builds (same functions, other lines)', 'warn'));
  head.push({ segments: facts });
  if (site.growthPerHour !== null) head.push(plainLine(`${signed(Math.round(site.growthPerHour), value)} per hour`));
  const states = formatStateDeltas(site.states);
  if (states !== '') head.push(plainLine(`states: ${states}`));
  const wait = waitShift(site);
  if (wait !== '') head.push(plainLine(`waiting: ${wait}`));
  if (site.counts.length > 2 || site.bytes !== null) {
    head.push(BLANK, plainLine(`PER SNAPSHOT  ${sparkline(site.counts)}`, 'heading'));
    const nameWidth = Math.min(40, maxOf(model.sources.map((n) => n.length)));
    site.counts.forEach((n, i) => {
      const extra = site.bytes !== null && site.objects !== null ? `  ${formatBytes(site.bytes[i]!)} in ${plural(site.objects[i]!, 'object')}` : '';
      head.push({ segments: [text('  ' + escapeTerminal(model.sources[i]!).slice(0, nameWidth).padEnd(nameWidth) + '  '), text(value(n).padStart(10), 'count'), text(extra, 'dim')] });
    });
  }
  const first = indexOfFirst(site);
  const last = indexOfLast(site);
  const where = (f: Parameters<typeof paths.where>[0]): string => paths.where(f);
  const earliest = shown(site.earliest.representative, model, s.hideRuntime);
  const latest = shown(site.latest.representative, model, s.hideRuntime);
  // A debug=1 side has no `created by`: showing it as removed would be noise.
  const withCreator = earliest.createdBy !== null && latest.createdBy !== null;
  const beforeText = stackText(earliest, where, withCreator);
  const afterText = stackText(latest, where, withCreator);
  const changes = diffText(beforeText, afterText);
  const same = beforeText === afterText;
  const hidden = s.hideRuntime ? ' · runtime hidden' : '';
  const n = site.points.length;
  // The latest goroutine is in the TUI's snapshot when the site is still there at the end: Enter opens it.
  const id = site.latest.representative.id;
  const opens = last === n - 1 && id !== null && tui.goroutine(id) !== undefined;
  const heading = (label: string, i: number, m: Member, target: boolean): Line => {
    const t = `${label} · ${escapeTerminal(model.sources[i]!)} · ${who(m)}${hidden}`;
    return target && id !== null ? { target: { kind: 'goroutine', id }, segments: [text(t, 'heading'), text('  (Enter opens it)', 'dim')] } : plainLine(t, 'heading');
  };
  head.push(BLANK);
  if (first < last) {
    appendAll(head, [heading('BEFORE', first, site.earliest.representative, false), ...sideLines(changes, -1), BLANK]);
    appendAll(head, [heading('AFTER', last, site.latest.representative, opens), ...sideLines(changes, 1), BLANK]);
    head.push(plainLine(same ? 'the stacks are the same (args and pc offsets aside)' : 'changed text: red before, green after', 'dim'));
  } else {
    appendAll(head, [heading('ONLY IN', last, site.latest.representative, opens), ...sideLines(changes, 1), BLANK]);
  }
  if (first > 0) head.push(plainLine(`not in ${escapeTerminal(model.sources[0]!)}: a new site`, 'dim'));
  if (last < n - 1) head.push(plainLine(`not in ${escapeTerminal(model.sources[n - 1]!)}: the site vanished`, 'dim'));
  const title = `${seriesName(model.sources)} · site ${index + 1} of ${result.sites.length} (by ${by})${hidden}`;
  return lazyDoc(title, [], head, 0, () => BLANK, 0);
}
