/**
 * A binary profile's top-level protobuf fields, read one at a time against
 * the budgets (src/input/budget.ts): pprof-format decodes each field, but
 * only after this module has counted what it would make. A 58 KB file can
 * declare 30 million strings and a 1 KB gzip one sample of a million
 * frames; decoded blindly they took gigabytes (~80× the file) or blew the
 * stack. The string table is decoded here into a plain array (pprof-format's
 * keeps a position map per string as well). Also tolerant: pprof-format
 * does not notice a cut buffer (it reads a shortened last field as whole).
 */
import type { Profile } from 'pprof-format';
import type { Warning } from '../model/snapshot.js';
import { BudgetCounter, budgetLimit, overBudget } from './budget.js';
import { readVarint } from './decode.js';

type PprofModule = typeof import('pprof-format');

/** Profile fields (profile.proto): sample, mapping, location, function, string_table. */
const TABLE_FIELDS = new Set([2, 3, 4, 5, 6]);
const SAMPLE = 2;
const STRING = 6;

/** Location ids in one Sample message: packed (field 1, wire 2: one id per varint) or repeated (wire 0). */
function locationIdCount(sample: Uint8Array): number {
  let n = 0;
  let at = 0;
  while (at < sample.length) {
    const tag = readVarint(sample, at);
    if (tag === null) break;
    const { value: key, next: after } = tag;
    const wire = key & 7;
    if (wire === 0) {
      const v = readVarint(sample, after);
      if (v === null) break;
      if (key >>> 3 === 1) n++;
      at = v.next;
    } else if (wire === 2) {
      const len = readVarint(sample, after);
      if (len === null) break;
      const end = Math.min(sample.length, len.next + len.value);
      if (key >>> 3 === 1) for (let i = len.next; i < end; i++) if ((sample[i]! & 0x80) === 0) n++;
      at = end;
    } else break;
  }
  return n;
}

export interface ReadProfile {
  profile: Profile;
  /** The string table (index 0 is ""). */
  strings: string[];
}

/**
 * Decodes the top-level fields one at a time, counting table entries and
 * each sample's frames against their budgets (throws overBudget past one).
 */
export function readProfile(pprof: PprofModule, buf: Uint8Array, name: string, warnings: Warning[]): ReadProfile {
  const data: Parameters<typeof pprof.Profile.decodeValue>[0] = {};
  const strings: string[] = [];
  const items = new BudgetCounter('items', name);
  const depth = budgetLimit('depth');
  const utf8 = new TextDecoder('utf-8');
  let at = 0;
  let bad = 0;
  while (at < buf.length) {
    const tag = readVarint(buf, at);
    const field = tag === null ? 0 : Math.floor(tag.value / 8);
    const wire = tag === null ? -1 : tag.value & 7;
    let payload: Uint8Array | null = null;
    let next = -1;
    if (tag !== null && wire === 0) {
      const v = readVarint(buf, tag.next);
      if (v !== null) [payload, next] = [buf.subarray(tag.next, v.next), v.next];
    } else if (tag !== null && wire === 2) {
      const len = readVarint(buf, tag.next);
      if (len !== null && len.next + len.value <= buf.length) [payload, next] = [buf.subarray(len.next, len.next + len.value), len.next + len.value];
    }
    if (payload === null || field === 0) {
      const what = wire === 0 || wire === 2 ? 'is cut off' : 'is corrupt (an unreadable field)';
      warnings.push({ line: 0, message: `the profile ${what} at byte ${at} of ${buf.length}: only what comes before is read` });
      break;
    }
    if (TABLE_FIELDS.has(field)) items.add(1);
    if (field === SAMPLE) {
      const frames = locationIdCount(payload);
      if (frames > depth) throw overBudget('depth', `${name}: sample ${(data.sample?.length ?? 0) + 1}`);
      items.add(frames);
    }
    try {
      if (field === STRING) strings.push(wire === 2 ? utf8.decode(payload) : '');
      else pprof.Profile.decodeValue(data, field, payload);
    } catch {
      bad++;
    }
    at = next;
  }
  if (bad > 0) warnings.push({ line: 0, message: `${bad} fields of the profile could not be decoded and were passed over` });
  return { profile: new pprof.Profile(data), strings };
}
