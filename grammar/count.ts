/**
 * The count profiles (debug=1), written by runtime/pprof printCountProfile:
 *
 *   goroutine profile: total 414          header: the profile's name and how many stacks it counted
 *   395 @ 0x43a1d6 0x44a5e5 0x6f9a87      a record: how many share this stack, its pcs; then `#` frame lines
 *   # labels: {"request":"42"}            pprof labels of the record (goroutine profile, Go 1.9+)
 *   #	0x6f9a86	main.watchZkName+0x66	/srv/main.go:182
 *
 * threadcreate and goroutineleak (Go 1.26) print the same layout. A profile
 * with no `#` lines at all (a stripped binary, pprof's legacy go.godoc.thread)
 * is known by its pcs (pcs.ts).
 */
import { newCountSnapshot, type CountFormat } from '../src/model/snapshot.js';
import { pcFrame } from './pcs.js';
import type { ProfileSection } from './profile-section.js';

const FORMATS: Record<string, CountFormat> = {
  goroutine: 'goroutine-debug1',
  threadcreate: 'threadcreate',
  goroutineleak: 'goroutineleak',
};

export const countSection: ProfileSection = {
  start(header, text, line) {
    const format = FORMATS[header.name];
    if (format === undefined) return null;
    const s = newCountSnapshot(format, line);
    s.total = header.total ?? 0;
    if (header.total === null) s.warnings.push({ line, message: `cannot read the total in "${text}"; expected "${header.name} profile: total N"` });
    return s;
  },

  // Count profiles have no settings: `# labels:` lines belong to their record (the grammar reads them).
  setting: () => false,

  record(s, r) {
    if (s.kind !== 'count') return 'not a count profile';
    s.records.push({ count: r.values[0] ?? 0, labels: r.labels, frames: r.frames, pcs: r.pcs, line: r.inputLine });
    return null;
  },

  /**
   * A record without `#` lines in a profile that has them is one whose frames
   * were all the runtime's, which pprof leaves out: it stays without frames.
   * When no record has any, the binary was stripped (or the profile is of
   * the legacy form): the pcs are the stacks.
   */
  end(s) {
    if (s.kind !== 'count' || s.records.some((r) => r.frames.length > 0)) return;
    s.records.splice(0, s.records.length, ...s.records.map((r) => ({ ...r, frames: r.pcs.map(pcFrame) })));
  },
};
