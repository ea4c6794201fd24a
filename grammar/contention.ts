/**
 * The block and mutex profiles (debug=1), written by runtime/pprof
 * writeProfileInternal:
 *
 *   --- contention:                   block profile header (every Go version)
 *   --- mutex:                        mutex profile header (Go 1.8+)
 *   cycles/second=2445404865          both: CPU cycles per second, to turn cycles into time
 *   sampling period=1                 mutex only: runtime.SetMutexProfileFraction
 *   2077059212 7 @ 0x6f9bc5 0x6f9bc4  a record: total delay in cycles, events, pcs; then `#` frame lines
 *   #	0x6f9bc4	sync.(*Mutex).Lock+0x44	/usr/local/go/src/sync/mutex.go:46
 *
 * Unlike heap and goroutine records, contention records keep the runtime's
 * leaf frames (runtime.chanrecv1, runtime.selectgo).
 */
import { newContentionProfile } from '../src/model/profile.js';
import { newContentionSnapshot, type ContentionFormat } from '../src/model/snapshot.js';
import { recordFrames } from './pcs.js';
import type { ProfileSection } from './profile-section.js';

const FORMATS: Record<string, ContentionFormat> = { contention: 'block', mutex: 'mutex' };

function readSetting(text: string, prefix: string): number | null {
  if (!text.startsWith(prefix)) return null;
  const v = text.slice(prefix.length).trim();
  return /^\d+$/.test(v) ? Number(v) : NaN;
}

export const contentionSection: ProfileSection = {
  start(header, _text, line) {
    const format = FORMATS[header.name];
    return format === undefined ? null : newContentionSnapshot(format, newContentionProfile('cycles', 'header'), line);
  },

  setting(s, text, line) {
    if (s.kind !== 'contention') return false;
    const c = s.contention;
    const cps = readSetting(text, 'cycles/second=');
    const period = cps === null ? readSetting(text, 'sampling period=') : null;
    const value = cps ?? period;
    if (value === null) return false;
    if (Number.isNaN(value)) {
      s.warnings.push({ line, message: `cannot read the number in "${text}"` });
      return true;
    }
    if (cps !== null) c.cyclesPerSecond = value;
    else c.samplingPeriod = value;
    return true;
  },

  record(s, r) {
    if (s.kind !== 'contention') return 'not a contention profile';
    const c = s.contention;
    if (r.values.length !== 2) {
      s.warnings.push({ line: r.line, message: `cannot read the contention record at this line: expected "cycles count @ pcs", found ${r.values.length} numbers; the record is passed over` });
      return null;
    }
    c.records.push({ delay: r.values[0]!, count: r.values[1]!, labels: r.labels, frames: recordFrames(r), pcs: r.pcs, line: r.inputLine });
    s.total++;
    return null;
  },

  end(s) {
    if (s.kind !== 'contention') return;
    const c = s.contention;
    if (c.unit === 'cycles' && c.cyclesPerSecond === null) {
      s.warnings.push({ line: s.firstLine, message: 'the profile has no "cycles/second=N" line: delays cannot be turned into seconds and are shown as unknown' });
    }
  },
};

