/**
 * One group: its representative stack, how its members' states and wait
 * ages are spread, and the members themselves (Enter opens one).
 */
import type { Group } from '../../analysis/group.js';
import type { GroupBy } from '../../analysis/keys.js';
import type { Member } from '../../analysis/members.js';
import { escapeTerminal } from '../../render/escape.js';
import { formatWait, plural } from '../../render/text.js';
import { BLANK, lazyDoc, plainLine, text, type Doc, type Line } from '../document.js';
import type { TuiModel } from '../model.js';
import { pathsOf, stackOptions, type ViewSettings } from './context.js';
import { creatorLine, histogramLine, stackLines } from './stack.js';
import { formatShare, groupDigits } from '../../text/numbers.js';
import { appendAll, maxOf } from '../../lists.js';

/** Wait-age buckets, in minutes: the runtime prints no age under one minute. */
const WAIT_BUCKETS: readonly { label: string; below: number }[] = [
  { label: '1-4 min', below: 5 },
  { label: '5-29 min', below: 30 },
  { label: '30-119 min', below: 120 },
  { label: '2-23 h', below: 24 * 60 },
  { label: '≥ 1 day', below: Infinity },
];

interface Histograms {
  states: [string, number][];
  waits: [string, number][];
}

const histogramCache = new WeakMap<Group, Histograms>();

function histograms(g: Group): Histograms {
  let h = histogramCache.get(g);
  if (h !== undefined) return h;
  const waits = new Array<number>(WAIT_BUCKETS.length + 1).fill(0);
  let withState = false;
  for (const m of g.members) {
    if (m.state === null) continue;
    withState = true;
    const bucket = m.waitMinutes === null ? 0 : 1 + WAIT_BUCKETS.findIndex((b) => m.waitMinutes! < b.below);
    waits[bucket]! += m.count;
  }
  h = {
    states: [...g.states].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
    waits: withState ? [['no age (< 1 min)', waits[0]!] as [string, number], ...WAIT_BUCKETS.map((b, i): [string, number] => [b.label, waits[i + 1]!])].filter(([, n]) => n > 0) : [],
  };
  histogramCache.set(g, h);
  return h;
}

function histogramSection(title: string, rows: [string, number][]): Line[] {
  if (rows.length === 0) return [];
  const max = maxOf(rows.map(([, n]) => n));
  const labelWidth = Math.min(32, maxOf(rows.map(([l]) => l.length)));
  return [BLANK, plainLine(title, 'heading'), ...rows.map(([label, n]) => histogramLine(escapeTerminal(label).slice(0, labelWidth), n, max, labelWidth))];
}

function memberLine(m: Member, model: TuiModel, s: ViewSettings): Line {
  const top = model.classifier.topFrame(m.frames);
  const where = top === null ? '' : `${escapeTerminal(top.func.full)}  ${escapeTerminal(pathsOf(model, s).where(top))}`;
  if (m.id === null) return { segments: [text(`  ${groupDigits(m.count).padStart(7)} ×  `, 'count'), text(where, 'dim')] };
  const wait = formatWait(m.waitMinutes, m.waitMinutes);
  return {
    target: { kind: 'goroutine', id: m.id },
    segments: [text(`  goroutine ${String(m.id).padEnd(8)}`, 'bold'), text(`${escapeTerminal(m.state ?? '').padEnd(16)} ${wait.padEnd(9)} `), text(where, 'dim')],
  };
}

export function groupDetailDoc(model: TuiModel, s: ViewSettings, by: GroupBy, index: number): Doc {
  const grouping = model.grouping(by);
  const g = grouping.groups[index]!;
  const rep = g.representative;
  const o = stackOptions(model, s);
  const h = histograms(g);
  const head: Line[] = [];
  const facts = [plural(g.count, 'goroutine'), formatShare(g.count, grouping.total) + ' of all'];
  const wait = formatWait(g.waitMin, g.waitMax);
  if (wait !== '') facts.push(`waiting ${wait}`);
  head.push({ segments: [text(grouping.titles[index]!, 'user')] });
  head.push(plainLine(facts.join(' · '), 'bold'));
  if (g.labels !== null) head.push(plainLine(`labels: ${escapeTerminal(Object.entries(g.labels).map(([k, v]) => `${k}=${v}`).join(' '))}`));
  head.push(BLANK);
  head.push(plainLine(rep.id === null ? 'STACK' : `STACK (as goroutine ${rep.id} shows it)`, 'heading'));
  appendAll(head, stackLines(rep.frames, o));
  if (rep.createdBy !== null) head.push(creatorLine(rep.createdBy, rep.parentId, o));
  appendAll(head, histogramSection('STATES', h.states));
  appendAll(head, histogramSection('WAIT AGE', h.waits));
  head.push(BLANK);
  const members = g.members.length > 0 ? g.members : [rep];
  head.push(plainLine(`MEMBERS (${groupDigits(members.length)}${rep.id === null ? ' records' : ', Enter opens one'})`, 'heading'));
  const first = head.length;
  const title = `${escapeTerminal(model.source)} · group ${index + 1} of ${grouping.groups.length} (by ${grouping.by})${s.hideRuntime ? ' · runtime hidden' : ''}`;
  return lazyDoc(title, [], head, members.length, (i) => memberLine(members[i]!, model, s), rep.id === null ? 0 : first);
}
