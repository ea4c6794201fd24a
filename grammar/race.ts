/**
 * Reads the race detector's reports (model/race.ts shows the form) out of a
 * text, which may hold other output around them (test logs, panics). Frames
 * are indented by two spaces and their locations by six; the same call and
 * location readers as tracebacks read them. Lines it cannot read inside a
 * report are warned about, never dropped silently.
 */
import type { Frame } from '../src/model/frame.js';
import type { RaceAccess, RaceReport, RaceReports } from '../src/model/race.js';
import { makeFrame, readCall, readLocation } from './fields.js';
import { Interner } from './intern.js';

const ACCESS = /^(Previous )?(Atomic )?(read|write) at (0x[0-9a-f]+) by (?:goroutine (\d+)|(main) goroutine):$/i;
const CREATED = /^Goroutine (\d+) \((\w+)\) created at:$/;
const FOUND = /^Found (\d+) data race\(s\)$/;

interface Block {
  access: Omit<RaceAccess, 'createdAt' | 'goroutineState'>;
  previous: boolean;
}

export function readRaceReports(text: string): RaceReports {
  const out: RaceReports = { reports: [], found: null, warnings: [] };
  const names = new Interner();
  const lines = text.split('\n');
  let i = 0;
  const trimmed = (k: number): string => (lines[k] ?? '').replace(/\r$/, '').trim();
  /** Frames from line i on: a call line, then its location line. */
  const frames = (): Frame[] => {
    const fs: Frame[] = [];
    while (i < lines.length) {
      const call = trimmed(i);
      if (call === '' || ACCESS.test(call) || CREATED.test(call) || call.startsWith('=====')) break;
      const c = readCall(call, 0, call.length, names);
      const where = trimmed(i + 1);
      const loc = c === null ? null : readLocation(where, 0, where.length, names);
      if (c === null || loc === null) {
        out.warnings.push({ line: i + 1, message: `cannot read this line of a race report; expected a call such as "main.worker()" followed by its "/path/file.go:12 +0x1d" line` });
        i++;
        continue;
      }
      fs.push(makeFrame(c, loc));
      i += 2;
    }
    return fs;
  };
  while (i < lines.length) {
    const t = trimmed(i);
    const found = FOUND.exec(t);
    if (found !== null) out.found = Number(found[1]);
    if (t !== 'WARNING: DATA RACE') {
      i++;
      continue;
    }
    const start = i + 1;
    i++;
    const blocks: Block[] = [];
    const created = new Map<number, { state: string; frames: Frame[] }>();
    while (i < lines.length && !trimmed(i).startsWith('=====') && trimmed(i) !== 'WARNING: DATA RACE') {
      const line = trimmed(i);
      const a = ACCESS.exec(line);
      const c = CREATED.exec(line);
      i++;
      if (a !== null) {
        const access = { op: a[3]!.toLowerCase() as 'read' | 'write', atomic: a[2] !== undefined, address: a[4]!, goroutine: a[6] === 'main' ? null : Number(a[5]), frames: frames() };
        blocks.push({ access, previous: a[1] !== undefined });
      } else if (c !== null) {
        created.set(Number(c[1]), { state: c[2]!, frames: frames() });
      } else if (line !== '') {
        out.warnings.push({ line: i, message: `cannot read this line of a race report; expected "Read at 0x… by goroutine N:", "Previous write at …" or "Goroutine N (running) created at:"` });
      }
    }
    const current = blocks.find((b) => !b.previous);
    const previous = blocks.find((b) => b.previous);
    if (current === undefined || previous === undefined) {
      out.warnings.push({ line: start, message: 'this race report lacks its current or its previous access (cut off?); it is passed over' });
      continue;
    }
    const withCreation = (b: Block): RaceAccess => {
      const c = b.access.goroutine === null ? undefined : created.get(b.access.goroutine);
      return { ...b.access, createdAt: c?.frames ?? [], goroutineState: c?.state ?? null };
    };
    const report: RaceReport = { current: withCreation(current), previous: withCreation(previous), line: start };
    out.reports.push(report);
  }
  return out;
}
