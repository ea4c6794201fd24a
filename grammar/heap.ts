/**
 * The heap and allocs profiles (debug=1), written by runtime/pprof
 * writeHeapInternal. Both endpoints print the same text; the input's name
 * tells them apart (`…/debug/pprof/allocs`, `allocs.txt`), else it is heap.
 *
 *   heap profile: 1113: 395136 [1178: 10884792] @ heap/2      header: inuse objects: bytes [alloc objects: bytes] @ heap/(2×MemProfileRate)
 *   64: 262144 [64: 262144] @ 0x487a2c 0x48c469 0x6f8f27      a record, same layout as the header, then `#` frame lines
 *   #	0x6f8f26	main.allocLeakyBuffers+0xa6	/srv/main.go:160
 *
 *   # runtime.MemStats                                        the closing block: one `# Name = value` per line
 *   # Alloc = 716968
 *   # Stack = 360448 / 360448                                 inuse / sys  → StackInuse, StackSys (also MSpan, MCache)
 *   # PauseNs = [334467 311264 0 0 …]                          lists → memStatsLists
 *   # GCCPUFraction = 0.0009738132506813081                   floats
 *   # DebugGC = false                                          booleans → 0/1
 *   # MaxRSS = 29757440                                        Go 1.x+ on Linux; DebugGC is the last line every version prints
 *
 * Legacy heaps (google/pprof's testdata, Go ≤1.10 era) have no `#` lines
 * and may have an empty stack (`1: 288 [2: 296] @`): the pcs stand in for
 * the frames so distinct stacks stay distinct.
 */
import { endpointOfName, newHeapProfile, type HeapKindSource, type HeapProfile } from '../src/model/profile.js';
import { newHeapSnapshot, type HeapSnapshot, type Snapshot } from '../src/model/snapshot.js';
import type { RawRecord } from './parser.js';
import { recordFrames } from './pcs.js';
import type { ProfileSection } from './profile-section.js';
import { appendAll } from '../src/lists.js';

const HEADER = /^heap profile: *(\d+): *(\d+) *\[ *(\d+): *(\d+) *\] *@ *([a-z_0-9]*)\/?(\d*)/;

/** Where the MemStats block was last read, for the end-of-input check. */
const lastMemStat = new WeakMap<HeapProfile, { name: string; line: number }>();

function warn(s: Snapshot, line: number, message: string): void {
  s.warnings.push({ line, message });
}

/** The heap profile a header starts; the profile's values are taken as unsampled when the header cannot say. */
function readHeader(text: string, line: number, kindSource: HeapKindSource, warnings: { line: number; message: string }[]): HeapProfile {
  const m = HEADER.exec(text);
  if (m === null) {
    warnings.push({ line, message: `cannot read the heap profile header "${text}"; expected "heap profile: a: b [c: d] @ heap/RATE" (values are taken as unsampled)` });
    return newHeapProfile(1, false, kindSource);
  }
  // As pprof's legacy_profile.go parseHeapHeader: `heap/N` prints 2×MemProfileRate,
  // `heap_v2/N` and `heapz_v2/N` the rate itself, `heapprofile` is unsampled.
  const printed = m[6] === '' ? 0 : Number(m[6]);
  const rate = m[5] === 'heapprofile' ? 1 : m[5] === 'heap' ? printed / 2 : printed;
  // MemProfileRate is an int: a rate beyond 2^53 (or Infinity, from 400 digits) is no rate, and scaled every value to Infinity.
  const sane = rate > 0 && rate <= Number.MAX_SAFE_INTEGER;
  const h = newHeapProfile(sane ? rate : 1, false, kindSource);
  h.header = { inuseObjects: Number(m[1]), inuseBytes: Number(m[2]), allocObjects: Number(m[3]), allocBytes: Number(m[4]) };
  if (rate <= 0) warnings.push({ line, message: `the heap profile header "${text}" has no sampling rate; values are taken as unsampled` });
  else if (!sane) warnings.push({ line, message: `the heap profile header "${text}" has a sampling rate beyond 2^53; values are taken as unsampled` });
  return h;
}

/**
 * Heap or allocs: the text is the same, so the input's name decides
 * (`…/debug/pprof/allocs?debug=1`, `allocs.txt`); without one it is heap,
 * and the profile's kindSource says which rule applied.
 */
function heapSnapshot(text: string, line: number, inputName: string | null): HeapSnapshot {
  const endpoint = inputName === null ? null : endpointOfName(inputName);
  const byName = endpoint === 'allocs' || endpoint === 'heap';
  const warnings: { line: number; message: string }[] = [];
  const s = newHeapSnapshot(endpoint === 'allocs' ? 'allocs' : 'heap', readHeader(text, line, byName ? 'input-name' : 'default', warnings), line);
  appendAll(s.warnings, warnings);
  return s;
}

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

/** `# Name = value` → memStats / memStatsLists; false when the line is not of that form. */
function readMemStat(h: HeapProfile, s: HeapSnapshot, text: string, line: number): void {
  const eq = text.indexOf(' = ');
  const name = eq > 2 ? text.slice(2, eq).trim() : '';
  if (name === '' || /\s/.test(name)) {
    warn(s, line, `cannot read the MemStats line "${text}"; expected "# Name = value" (the file may be cut off here)`);
    return;
  }
  const value = text.slice(eq + 3).trim();
  lastMemStat.set(h, { name, line });
  if (NUMBER.test(value)) h.memStats[name] = Number(value);
  else if (value === 'true' || value === 'false') h.memStats[name] = value === 'true' ? 1 : 0;
  else if (value.startsWith('[')) {
    if (!value.endsWith(']')) warn(s, line, `the MemStats list "${name}" has no closing "]": the file is cut off here`);
    const items = value.slice(1, value.endsWith(']') ? -1 : undefined).trim();
    const list = items === '' ? [] : items.split(/\s+/).map(Number);
    if (list.some((n) => Number.isNaN(n))) warn(s, line, `cannot read every number of the MemStats list "${name}"`);
    h.memStatsLists[name] = list.filter((n) => !Number.isNaN(n));
  } else {
    const pair = /^(\d+) \/ (\d+)$/.exec(value);
    if (pair !== null) {
      h.memStats[name + 'Inuse'] = Number(pair[1]);
      h.memStats[name + 'Sys'] = Number(pair[2]);
    } else warn(s, line, `cannot read the value of MemStats "${name}": "${value}" (the file may be cut off here)`);
  }
}

export const heapSection: ProfileSection = {
  start: (header, text, line, inputName) => (header.name === 'heap' ? heapSnapshot(text, line, inputName) : null),

  setting(s, text, line) {
    if (s.kind !== 'heap' || !text.startsWith('#')) return false;
    if (text === '# runtime.MemStats') {
      s.heap.memStatsLine = line;
      lastMemStat.set(s.heap, { name: 'runtime.MemStats', line });
    } else readMemStat(s.heap, s, text, line);
    return true;
  },

  record(s, r: RawRecord) {
    if (s.kind !== 'heap') return 'not a heap profile';
    const h = s.heap;
    const v = r.values;
    if (v.length !== 4) {
      warn(s, r.line, `cannot read the heap record at this line: expected "inuse_objects: inuse_bytes [alloc_objects: alloc_bytes] @ pcs", found ${v.length} numbers; the record is passed over`);
      return null;
    }
    h.records.push({
      inuseObjects: v[0]!,
      inuseBytes: v[1]!,
      allocObjects: v[2]!,
      allocBytes: v[3]!,
      labels: r.labels,
      frames: recordFrames(r),
      pcs: r.pcs,
      line: r.inputLine,
    });
    s.total++;
    return null;
  },

  end(s) {
    if (s.kind !== 'heap' || s.heap.scaled) return;
    const h = s.heap;
    if (h.memStatsLine !== null && h.memStats.DebugGC === undefined) {
      const last = lastMemStat.get(h);
      warn(s, last?.line ?? h.memStatsLine, `the # runtime.MemStats block ends after "${last?.name ?? 'runtime.MemStats'}": the file looks cut off (every Go version prints DebugGC); the MemStats after it are missing`);
    }
    const header = h.header;
    if (header === null) return;
    let objects = 0;
    let bytes = 0;
    for (const r of h.records) {
      objects += r.inuseObjects;
      bytes += r.inuseBytes;
    }
    if (objects !== header.inuseObjects || bytes !== header.inuseBytes) {
      warn(s, s.firstLine, `the records add up to ${objects} objects / ${bytes} bytes in use but the header says ${header.inuseObjects} / ${header.inuseBytes}: records are missing (is the file cut off?)`);
    }
  },
};
