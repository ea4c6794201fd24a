/**
 * Binary (debug=0) profiles: a gzip-compressed profile.proto, decoded with
 * the pprof-format package (loaded on first use, so text runs never load it)
 * into the same model as the text forms. Stacks are trimmed the way
 * runtime/pprof prints them in debug=1 text (printStackRecord: runtime frames
 * at the leaf and runtime.goexit left out, except in contention profiles), so
 * text and binary forms of one snapshot group the same way.
 *
 * Damaged input gives what can be read: a cut or corrupt gzip stream is
 * inflated up to the damage, a cut proto is read up to its last whole field
 * (Go writes the string table last, so a cut file loses its function names:
 * frames are then named by address), each with a warning.
 */
import type { Profile } from 'pprof-format';
import type { ParseResult } from '../../grammar/parse.js';
import { pcFrame } from '../../grammar/pcs.js';
import { splitFunctionName, type Frame } from '../model/frame.js';
import type { Labels } from '../model/goroutine.js';
import { endpointOfName, newContentionProfile, newHeapProfile } from '../model/profile.js';
import {
  newContentionSnapshot,
  newCountSnapshot,
  newHeapSnapshot,
  type CountFormat,
  type Snapshot,
  type SnapshotFormat,
  type Warning,
} from '../model/snapshot.js';
import { GdumpError } from '../errors.js';
import { BudgetCounter, budgetLimit, type BudgetName } from './budget.js';
import { idKey, ProtoNumbers } from './proto-numbers.js';
import { readProfile } from './proto-read.js';
import type { InputSource } from './source.js';

/**
 * Inflates as much as the stream allows, never past the budget (a gzip bomb
 * stops there with the budget's message): strictly first, so a damaged
 * stream says why it stopped, then, for a damaged one, again with sync
 * flushes to get every byte before the damage.
 */
async function inflate(bytes: Buffer, source: InputSource): Promise<{ data: Buffer; error: string | null }> {
  // Loaded on first use, as pprof-format is: only a gzip'd profile needs it.
  const zlib = await import('node:zlib');
  const strict = await inflateCounted(zlib, bytes, source, zlib.constants.Z_FINISH);
  if (strict.error === null) return strict;
  const salvaged = await inflateCounted(zlib, bytes, source, zlib.constants.Z_SYNC_FLUSH);
  return { data: salvaged.data, error: strict.error };
}

async function inflateCounted(zlib: typeof import('node:zlib'), bytes: Buffer, source: InputSource, finishFlush: number): Promise<{ data: Buffer; error: string | null }> {
  // The proto is held whole to be decoded: the smaller of the two budgets bounds it.
  const budget: BudgetName = budgetLimit('profile') <= budgetLimit('inflated') ? 'profile' : 'inflated';
  const inflated = new BudgetCounter(budget, source.name);
  const parts: Buffer[] = [];
  return new Promise((resolve, reject) => {
    const z = zlib.createGunzip({ finishFlush });
    z.on('data', (d: Buffer) => {
      try {
        inflated.add(d.length);
        parts.push(d);
      } catch (e) {
        parts.length = 0;
        z.destroy();
        reject(e as Error);
      }
    });
    // The pieces are let go as soon as they are joined: the proto is held once, not twice, while it is decoded.
    const joined = (): Buffer => {
      const data = Buffer.concat(parts);
      parts.length = 0;
      return data;
    };
    z.on('error', (e) => resolve({ data: joined(), error: e.message }));
    z.on('end', () => resolve({ data: joined(), error: null }));
    z.end(bytes);
  });
}

interface Decoded {
  strings: string[];
  frames(sample: Profile['sample'][number]): Frame[];
  pcs(sample: Profile['sample'][number]): string[];
  /** Warnings about ids that point nowhere, once all samples are read. */
  warnings(): Warning[];
}

/** Where a location id points nowhere: named so, not cut off (a cut stack would land in another site). */
function missingFrame(id: string): Frame {
  return pcFrame(`?location-${id}`);
}

/** Location → frames (inlined callees first, as the text prints them), with names from the string table. */
function symbolizer(p: Profile, strings: string[], numbers: ProtoNumbers): Decoded {
  const str = (i: number | bigint): string => strings[Number(i)] ?? '';
  const functions = new Map(p.function.map((f) => [idKey(f.id), f]));
  const names = new Map<string, ReturnType<typeof splitFunctionName>>();
  const locations = new Map<string, { frames: Frame[]; pc: string }>();
  let missingFunctions = 0;
  for (const loc of p.location) {
    const pc = '0x' + ((BigInt(loc.address) + 1n) & 0xffffffffffffffffn).toString(16);
    const frames: Frame[] = [];
    for (const line of loc.line) {
      const fn = functions.get(idKey(line.functionId));
      if (fn === undefined) missingFunctions++;
      const full = fn === undefined ? '' : elideTypeArgs(str(fn.name));
      if (full === '') continue;
      let name = names.get(full);
      if (name === undefined) names.set(full, (name = splitFunctionName(full)));
      frames.push({ func: name, args: '', file: fn === undefined ? '' : str(fn.filename), line: numbers.line(line.line), pcOffset: -1, inlined: false, registers: '' });
    }
    locations.set(idKey(loc.id), { frames: frames.length > 0 ? frames : [pcFrame(pc)], pc });
  }
  let missingLocations = 0;
  return {
    strings,
    frames: (s) => {
      const out: Frame[] = [];
      for (const id of s.locationId) {
        const loc = locations.get(idKey(id));
        if (loc === undefined) {
          missingLocations++;
          out.push(missingFrame(idKey(id)));
        } else for (const f of loc.frames) out.push(f);
      }
      return out;
    },
    pcs: (s) => s.locationId.map((id) => locations.get(idKey(id))?.pc ?? '0x0'),
    warnings: () => {
      const out: Warning[] = [];
      if (missingLocations > 0) out.push({ line: 0, message: `${missingLocations} location ids in samples point to no location of the profile: shown as ?location-ID frames` });
      if (missingFunctions > 0) out.push({ line: 0, message: `${missingFunctions} lines of locations point to no function of the profile: left out of their frames` });
      return out;
    },
  };
}

function isRuntime(f: Frame): boolean {
  return f.func.full.startsWith('runtime.') || f.func.full.startsWith('internal/runtime/');
}

/**
 * runtime/pprof printStackRecord: drop runtime.goexit, and the runtime frames
 * at the leaf unless nothing else is left. The stack ends at the first zero
 * pc (threadcreate pads its stacks with zeros; the text prints one `#\t0x0`
 * for a stack of zeros only).
 */
function textStack(frames: Frame[], keepRuntimeLeaf: boolean): Frame[] {
  const zero = frames.findIndex((f) => f.func.full === '0x0');
  const cut = zero < 0 ? frames : zero === 0 ? frames.slice(0, 1) : frames.slice(0, zero);
  const noExit = cut.filter((f) => f.func.full !== 'runtime.goexit');
  if (keepRuntimeLeaf) return noExit;
  const first = noExit.findIndex((f) => !isRuntime(f));
  return first < 0 ? noExit : noExit.slice(first);
}

/**
 * Type arguments as tracebacks print them: the proto has
 * `main.markLine[go.shape.chan struct {}]`, the text `main.markLine[...]`.
 */
export function elideTypeArgs(name: string): string {
  if (!name.includes('[')) return name;
  let out = '';
  let depth = 0;
  for (const c of name) {
    if (c === '[') {
      if (depth === 0) out += '[...]';
      depth++;
    } else if (c === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += c;
  }
  return out;
}

function labelsOf(strings: string[], s: Profile['sample'][number]): Labels | null {
  let out: Record<string, string> | null = null;
  for (const l of s.label) {
    if (Number(l.str) === 0) continue; // numeric labels (heap "bytes") have no text form
    (out ??= {})[strings[Number(l.key)] ?? ''] = strings[Number(l.str)] ?? '';
  }
  return out;
}

const COUNT_FORMATS: Record<string, CountFormat> = {
  goroutine: 'goroutine-debug1',
  threadcreate: 'threadcreate',
  goroutineleak: 'goroutineleak',
};

/** What kind of profile this is: by sample types, else (types lost to a cut) by value count and the input name. */
/** The formats a profile.proto can hold: every one but traceback text. */
type ProfileFormat = Exclude<SnapshotFormat, 'goroutine'>;

function kindOf(types: string[], valueCount: number, defaultType: string, name: string): { format: ProfileFormat; byName: boolean } | null {
  const endpoint = endpointOfName(name);
  if (types.includes('inuse_space') || types.includes('alloc_space')) return { format: defaultType === 'alloc_space' ? 'allocs' : 'heap', byName: false };
  if (types[0] === 'contentions') return { format: endpoint === 'mutex' ? 'mutex' : 'block', byName: true };
  const count = COUNT_FORMATS[types[0] ?? ''];
  if (count !== undefined) return { format: count, byName: false };
  if (types.some((t) => t !== '')) return null;
  // The string table is gone: guess from the shape, name first.
  if (valueCount === 4) return { format: endpoint === 'allocs' ? 'allocs' : 'heap', byName: true };
  if (valueCount === 2) return { format: endpoint === 'mutex' ? 'mutex' : 'block', byName: true };
  if (valueCount === 1) return { format: COUNT_FORMATS[endpoint ?? 'goroutine'] ?? 'goroutine-debug1', byName: true };
  return null;
}

function toSnapshot(p: Profile, strings: string[], source: InputSource, warnings: Warning[]): Snapshot {
  const numbers = new ProtoNumbers();
  const sym = symbolizer(p, strings, numbers);
  const str = (i: number | bigint): string => sym.strings[Number(i)] ?? '';
  const types = p.sampleType.map((t) => str(t.type));
  const valueCount = p.sample[0]?.value.length ?? p.sampleType.length;
  const kind = kindOf(types, valueCount, str(p.defaultSampleType), source.name);
  if (kind === null) {
    throw new GdumpError(`${source.name}: a ${types.join('/')} profile: gdump reads goroutine, threadcreate, goroutineleak, heap, allocs, block and mutex profiles`, 'no-dump');
  }
  const index = (name: string, fallback: number): number => (types.includes(name) ? types.indexOf(name) : fallback);
  const value = (smp: Profile['sample'][number], i: number): number => numbers.value(smp.value[i]);
  const period = numbers.value(p.period);
  let s: Snapshot;
  const format = kind.format;
  if (format === 'heap' || format === 'allocs') {
    const h = newHeapProfile(period > 0 ? period : 1, true, kind.byName ? 'input-name' : 'sample-type');
    const [ao, ab, io, ib] = [index('alloc_objects', 0), index('alloc_space', 1), index('inuse_objects', 2), index('inuse_space', 3)];
    for (const smp of p.sample) {
      h.records.push({
        allocObjects: value(smp, ao),
        allocBytes: value(smp, ab),
        inuseObjects: value(smp, io),
        inuseBytes: value(smp, ib),
        labels: labelsOf(sym.strings, smp),
        frames: textStack(sym.frames(smp), false),
        pcs: sym.pcs(smp),
        line: 0,
      });
    }
    s = newHeapSnapshot(format, h, 0);
    s.total = h.records.length;
  } else if (format === 'block' || format === 'mutex') {
    const c = newContentionProfile('nanoseconds', kind.byName ? (endpointOfName(source.name) === null ? 'default' : 'input-name') : 'header');
    c.samplingPeriod = period > 0 ? period : null;
    const [n, d] = [index('contentions', 0), index('delay', 1)];
    for (const smp of p.sample) {
      c.records.push({ count: value(smp, n), delay: value(smp, d), labels: labelsOf(sym.strings, smp), frames: textStack(sym.frames(smp), true), pcs: sym.pcs(smp), line: 0 });
    }
    s = newContentionSnapshot(format, c, 0);
    s.total = c.records.length;
  } else {
    const counts = newCountSnapshot(format, 0);
    for (const smp of p.sample) {
      const count = value(smp, 0);
      counts.records.push({ count, labels: labelsOf(sym.strings, smp), frames: textStack(sym.frames(smp), false), pcs: sym.pcs(smp), line: 0 });
      counts.total += count;
    }
    s = counts;
  }
  s.lastLine = 0;
  if (kind.byName && types.every((t) => t === '')) {
    warnings.push({ line: 0, message: `the profile's names were lost (cut off before its string table): read as ${kind.format} from its shape and name, frames named by address` });
  }
  for (const w of sym.warnings()) warnings.push(w);
  for (const w of numbers.warnings()) warnings.push(w);
  return s;
}

/** A binary profile's snapshot; load.ts imports this module when an input's first bytes are binary. */
export async function decodeBinary(bytes: Buffer, source: InputSource): Promise<ParseResult> {
  const warnings: Warning[] = [];
  let proto: Buffer = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const { data, error } = await inflate(bytes, source);
    if (error !== null) {
      const what = /unexpected end/i.test(error) ? 'cut off' : 'corrupt';
      warnings.push({ line: 0, message: `the gzip stream is ${what} (${error}); ${data.length} bytes could be inflated and are read` });
    }
    proto = data;
  }
  if (proto.length === 0) {
    const why = warnings.length > 0 ? `${warnings[0]!.message.replace(/; 0 bytes .*$/, '')}: nothing could be inflated` : 'it is empty';
    throw new GdumpError(`${source.name}: not a readable binary profile: ${why}`, 'input');
  }
  const pprof = await import('pprof-format');
  const { profile, strings } = readProfile(pprof, proto, source.name, warnings);
  const snapshot = toSnapshot(profile, strings, source, warnings);
  for (const w of warnings) snapshot.warnings.push(w);
  return { snapshots: [snapshot], lines: 0, skipped: [], warnings: [] };
}

