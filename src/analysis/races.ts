/**
 * Race reports grouped by the pair of access sites: where each of the two
 * accesses happened (its leaf frame, the user's code when the leaf is the
 * runtime's or the standard library's) and what it did. The detector reports
 * each pair of stacks once, so a group's count is how many distinct stacks
 * reached that pair of lines.
 */
import type { Frame } from '../model/frame.js';
import type { RaceAccess, RaceReport } from '../model/race.js';
import { location } from './keys.js';
import { FrameClassifier, findGoroot } from './frames.js';

export interface RaceGroup {
  /** `write main.go:21 ↔ previous read main.go:12` with full paths. */
  readonly key: string;
  readonly current: Frame | null;
  readonly previous: Frame | null;
  readonly reports: RaceReport[];
}

function describe(a: RaceAccess, site: Frame | null, previous: boolean): string {
  const op = `${previous ? 'previous ' : ''}${a.atomic ? 'atomic ' : ''}${a.op}`;
  return `${op} ${site === null ? '?' : `${site.func.full} ${location(site)}`}`;
}

export function groupRaces(reports: readonly RaceReport[]): RaceGroup[] {
  const classifier = new FrameClassifier(findGoroot(reports.flatMap((r) => [...r.current.frames, ...r.previous.frames])));
  const groups = new Map<string, RaceGroup>();
  for (const r of reports) {
    const current = classifier.topFrame(r.current.frames);
    const previous = classifier.topFrame(r.previous.frames);
    const key = `${describe(r.current, current, false)} ↔ ${describe(r.previous, previous, true)}`;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { key, current, previous, reports: [] }));
    g.reports.push(r);
  }
  return [...groups.values()].sort((a, b) => b.reports.length - a.reports.length || a.key.localeCompare(b.key));
}
