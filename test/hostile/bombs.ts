/**
 * Hostile binary inputs, built byte by byte (each is a few KB on disk and
 * expands to what the issue measured): gzip bombs made of many gzip members
 * (concatenated members are one valid stream), and protobuf whose tables
 * or stacks have no end.
 */
import { gzipSync } from 'node:zlib';
import { Function as PFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';

export function varint(n: number): Buffer {
  const out: number[] = [];
  while (n >= 128) {
    out.push((n % 128) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return Buffer.from(out);
}

/** A length-delimited protobuf field. */
export function field(number: number, payload: Buffer): Buffer {
  return Buffer.concat([varint((number << 3) | 2), varint(payload.length), payload]);
}

/** A profile.proto's start, then zeros up to `inflatedMiB` MiB, as a gzip stream of 1 MiB members (~1 KB each). */
export function gzipBomb(inflatedMiB: number): Buffer {
  const member = gzipSync(Buffer.alloc(1 << 20), { level: 9 });
  const first = gzipSync(Buffer.concat([PROTO_HEAD, Buffer.alloc(1 << 20)]), { level: 9 });
  return Buffer.concat([first, ...Array.from({ length: inflatedMiB - 1 }, () => member)]);
}

/** A Profile whose string table has `entries` empty strings (field 6), gzip'd. */
export function stringTableBomb(entries: number): Buffer {
  const raw = Buffer.alloc(entries * 2);
  for (let i = 0; i < entries; i++) raw[2 * i] = 0x32; // field 6, wire 2, then length 0
  return gzipSync(raw, { level: 9 });
}

/** A goroutine profile of one goroutine whose stack is `frames` times the same location, gzip'd (~1 KB for a million). */
export function deepSample(frames: number): Buffer {
  const strings = new StringTable();
  const fn = new PFunction({ id: 1, name: strings.dedup('main.recurse'), filename: strings.dedup('/srv/main.go') });
  const profile = new Profile({
    sampleType: [new ValueType({ type: strings.dedup('goroutine'), unit: strings.dedup('count') })],
    sample: [new Sample({ value: [1], locationId: new Array<number>(frames).fill(1) })],
    location: [new Location({ id: 1, address: 0x1000, line: [new Line({ functionId: 1, line: 7 })] })],
    function: [fn],
    stringTable: strings,
    period: 1,
  });
  return gzipSync(profile.encode(), { level: 9 });
}

/** The start of a raw (not gzip'd) profile.proto, as Go writes it: two sample types, period type, period. */
export const PROTO_HEAD = Buffer.concat([
  field(1, Buffer.from([0x08, 0x01, 0x10, 0x02])),
  field(1, Buffer.from([0x08, 0x03, 0x10, 0x04])),
  field(11, Buffer.from([0x08, 0x01, 0x10, 0x02])),
  Buffer.from([0x60]), // period (field 12, varint)
  varint(1),
]);
