/**
 * Damaged binary profiles for the property tests and `npm run fuzz`: the
 * real protos of fixtures/profiles (what `go test` fixtures wrote), inflated,
 * mutated at the byte level (flips, cuts, inserted and repeated ranges,
 * varints set to their longest, a range of another profile spliced in), and
 * fed raw or gzip'd again. Reading one may warn or refuse with a GdumpError
 * (exit 2, 3 or 4 through the CLI); it must never throw anything else, and
 * every number it reports must be finite and not negative.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { GdumpError } from '../../src/errors.js';
import '../../src/input/binary.js';
import { load } from '../../src/input/load.js';
import type { InputSource } from '../../src/input/source.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { fixture } from '../helpers/paths.js';

export interface Proto {
  name: string;
  raw: Buffer;
}

/** Every fixtures/profiles/*.pb.gz, inflated. */
export function protoCorpus(): Proto[] {
  const dir = fixture('profiles');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pb.gz'))
    .sort()
    .map((f) => ({ name: f, raw: gunzipSync(readFileSync(path.join(dir, f))) }));
}

type Mutation =
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'cut'; at: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'repeat'; at: number; length: number; times: number }
  | { kind: 'longVarint'; at: number }
  | { kind: 'splice'; from: number; at: number; length: number };

export interface MutatedProto {
  proto: Proto;
  mutations: Mutation[];
  gzip: boolean;
  /** Read in this many pieces (the loader sniffs the first). */
  pieces: number;
  bytes: Buffer;
}

function mutate(b: Buffer, m: Mutation, all: readonly Proto[]): Buffer {
  const at = b.length === 0 ? 0 : ('at' in m ? m.at : 0) % b.length;
  switch (m.kind) {
    case 'flip': {
      const c = Buffer.from(b);
      if (c.length > 0) c[at] = m.byte;
      return c;
    }
    case 'cut':
      return b.subarray(0, at);
    case 'insert':
      return Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
    case 'repeat': {
      const piece = b.subarray(at, at + m.length);
      return Buffer.concat([b.subarray(0, at), ...Array.from({ length: m.times }, () => piece), b.subarray(at)]);
    }
    case 'longVarint':
      // Ten bytes of 0xff then 0x01: the longest varint, and a negative int64 where one is read.
      return Buffer.concat([b.subarray(0, at), Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]), b.subarray(at + 1)]);
    case 'splice': {
      const other = all[m.from % all.length]!.raw;
      const from = other.length === 0 ? 0 : at % other.length;
      return Buffer.concat([b.subarray(0, at), other.subarray(from, from + m.length), b.subarray(at)]);
    }
  }
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.nat({ max: 255 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }), times: fc.integer({ min: 1, max: 50 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('longVarint' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('splice' as const), from: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 256 }) }) },
);

export function mutatedProto(protos: readonly Proto[]): fc.Arbitrary<MutatedProto> {
  return fc
    .record({ i: fc.nat({ max: protos.length - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }), gzip: fc.boolean(), pieces: fc.integer({ min: 1, max: 3 }) })
    .map(({ i, mutations, gzip, pieces }) => {
      const proto = protos[i]!;
      const raw = mutations.reduce((b, m) => mutate(b, m, protos), proto.raw);
      const bytes = gzip ? gzipSync(raw) : raw;
      const d: MutatedProto = { proto, mutations, gzip, pieces, bytes };
      return Object.assign(d, { [fc.toStringMethod]: () => `${proto.name} ${gzip ? 'gzip' : 'raw'} ${JSON.stringify(mutations)}` });
    });
}

function sourceOf(d: MutatedProto): InputSource {
  const step = Math.max(1, Math.ceil(d.bytes.length / d.pieces));
  return {
    name: `${d.proto.name}.mutated`,
    size: d.bytes.length,
    time: null,
    async *chunks() {
      for (let at = 0; at < d.bytes.length; at += step) yield d.bytes.subarray(at, at + step);
    },
  };
}

/** A number gdump reports: finite and not negative. */
function badNumber(v: unknown): boolean {
  return typeof v === 'number' && (!Number.isFinite(v) || v < 0);
}

function snapshotProblem(s: Snapshot): string | null {
  if (badNumber(s.total)) return `total ${s.total}`;
  const list = s.kind === 'count' ? s.records : s.kind === 'heap' ? s.heap.records : s.kind === 'contention' ? s.contention.records : [];
  const records = list as unknown as Record<string, unknown>[];
  for (const r of records) {
    for (const [k, v] of Object.entries(r)) if (badNumber(v)) return `a record's ${k} is ${String(v)}`;
    const frames = r.frames as { func: { full: string }; line: number }[];
    for (const f of frames) {
      if (typeof f.func.full !== 'string') return 'a frame without a name';
      if (badNumber(f.line) || f.line > 2 ** 31) return `a frame line ${f.line}`;
    }
  }
  return null;
}

/** null when the damaged profile was read (or refused) as it should be; else what went wrong. */
export async function readMutated(d: MutatedProto): Promise<string | null> {
  try {
    const { result } = await load(sourceOf(d));
    for (const s of result.snapshots) {
      const p = snapshotProblem(s);
      if (p !== null) return p;
    }
    return null;
  } catch (e) {
    return e instanceof GdumpError ? null : `threw ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`;
  }
}
