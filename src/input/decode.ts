/**
 * Bytes to text bytes: what a source holds before it is text the grammar can
 * read. A dump comes gzip'd (`dump.txt.gz`, a `Content-Encoding: gzip`
 * body), saved by a Windows editor as UTF-16 with a byte-order mark, or with
 * classic-Mac CR-only line ends; a binary (debug=0) profile comes as a
 * gzip'd or raw profile.proto. decodeInput sniffs the first bytes, and the
 * first *inflated* bytes of gzip, and returns either a stream of UTF-8 text
 * chunks or the profile's bytes. Text always wins: nothing is taken for a
 * profile unless it reads as one; bytes that are neither are read as text
 * (no line of them is a dump line) with a warning naming what they start with.
 *
 * Every stage is a stream of chunks in, chunks out (nothing is held whole),
 * so a byte budget can wrap the text stream decodeInput returns, which
 * carries the inflated bytes.
 */
import { StringDecoder } from 'node:string_decoder';
import { GdumpError } from '../errors.js';
import { groupDigits } from '../text/numbers.js';

/** A problem met while decoding, warned at the first line (what the input is) or the last (where the text broke). */
export interface DecodeWarning {
  readonly at: 'first-line' | 'last-line';
  readonly message: string;
}

/** What decoding took off, for the report (`stripped`), and problems it met on the way. */
export interface DecodeReport {
  readonly steps: string[];
  readonly warnings: DecodeWarning[];
}

export type DecodedInput =
  | { readonly kind: 'text'; readonly chunks: AsyncIterable<Buffer>; readonly report: DecodeReport }
  /** A binary profile: the bytes as they came (gzip'd or raw proto), for the binary decoder. */
  | { readonly kind: 'profile'; readonly chunks: AsyncIterable<Buffer>; readonly report: DecodeReport };

/** How many bytes are looked at before deciding (or all of a shorter input). */
const SNIFF_BYTES = 64 << 10;

const GZIP = [0x1f, 0x8b];
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];
const XZ = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return head.length >= magic.length && magic.every((b, i) => head[i] === b);
}

function isBzip2(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68 && head[3]! >= 0x31 && head[3]! <= 0x39;
}

const PROTO_SNIFF_BYTES = 256;

/** Wire type each profile.proto field is written with (proto3 `Profile`, fields 1-14). */
const PROFILE_WIRE: Readonly<Record<number, readonly number[]>> = {
  1: [2], // sample_type
  2: [2], // sample
  3: [2], // mapping
  4: [2], // location
  5: [2], // function
  6: [2], // string_table
  7: [0], // drop_frames
  8: [0], // keep_frames
  9: [0], // time_nanos
  10: [0], // duration_nanos
  11: [2], // period_type
  12: [0], // period
  13: [0, 2], // comment (packed or not)
  14: [0], // default_sample_type
};

/**
 * True when `head` reads as the start of a profile.proto: every top-level
 * field in its first PROTO_SNIFF_BYTES (the last may run past them) has a
 * Profile field number and that field's wire type. Only the start is asked:
 * a damaged gzip stream inflates to a good start and then garbage, which the
 * binary decoder reads up to the damage. Text fails at once: two spaces
 * read as field 4 with wire type 0, but field 4 (location) is length-delimited.
 */
export function looksLikeProfileProto(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, PROTO_SNIFF_BYTES);
  let at = 0;
  let fields = 0;
  while (at < head.length) {
    const tag = readVarint(head, at);
    if (tag === null) return fields > 0;
    const field = Math.floor(tag.value / 8);
    const wire = tag.value & 7;
    if (!(PROFILE_WIRE[field] ?? []).includes(wire)) return false;
    const value = readVarint(head, tag.next);
    if (value === null) return fields > 0;
    at = wire === 2 ? value.next + value.value : value.next;
    fields++;
  }
  return fields > 0;
}

/** A protobuf varint at `at`: its value and the offset after it, or null when cut or longer than 10 bytes. */
export function readVarint(buf: Uint8Array, at: number): { value: number; next: number } | null {
  let value = 0;
  let scale = 1;
  for (let i = at; i < buf.length && i < at + 10; i++) {
    const b = buf[i]!;
    value += (b & 0x7f) * scale;
    scale *= 128;
    if ((b & 0x80) === 0) return { value, next: i + 1 };
  }
  return null;
}

/** True for gzip magic or a raw profile.proto: what a saved binary profile starts with. */
export function looksBinary(head: Uint8Array): boolean {
  return startsWith(head, GZIP) || (!looksLikeText(head) && looksLikeProfileProto(head));
}

/**
 * True when `head` is text: no NUL in its first KiB, and control bytes
 * (other than tab, newlines, form feed and ESC, which logs carry) in at most
 * one byte in a hundred. A text dump with a stray NUL further on stays text
 * (the reader warns at that line).
 */
export function looksLikeText(head: Uint8Array): boolean {
  const n = Math.min(head.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0 && i < 1024) return false;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) control++;
  }
  return control * 100 <= n;
}

/** Text, or UTF-16 text after its byte-order mark. */
function isTextStart(head: Uint8Array): boolean {
  return startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]) || looksLikeText(head);
}

/** Names what a known binary file format is, from its magic bytes; null when unknown. */
function knownBinary(head: Uint8Array): string | null {
  const ascii = Buffer.from(head.subarray(0, 8)).toString('latin1');
  if (ascii.startsWith('\x7fELF')) return 'an ELF executable';
  if (ascii.startsWith('MZ')) return 'a Windows executable';
  if (startsWith(head, [0xcf, 0xfa, 0xed, 0xfe]) || startsWith(head, [0xce, 0xfa, 0xed, 0xfe])) return 'a Mach-O executable';
  if (ascii.startsWith('PK\x03\x04')) return 'a zip archive';
  if (ascii.startsWith('\x89PNG')) return 'a PNG image';
  if (ascii.startsWith('%PDF')) return 'a PDF document';
  if (ascii.startsWith('go tool') || ascii.startsWith('go 1.')) return 'an execution trace';
  return null;
}

function hexHead(head: Uint8Array): string {
  const shown = Array.from(head.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return head.length > 16 ? `${shown} …` : shown;
}

function unreadable(name: string, why: string): GdumpError {
  return new GdumpError(`${name}: ${why}`, 'input');
}

/** The first SNIFF_BYTES of a stream (or all of it), and the whole stream again. */
async function peek(chunks: AsyncIterable<Buffer>): Promise<{ head: Buffer; all: AsyncIterable<Buffer> }> {
  const it = chunks[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < SNIFF_BYTES) {
    const r = await it.next();
    if (r.done === true) {
      done = true;
      break;
    }
    const buf = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    seen.push(buf);
    size += buf.length;
  }
  const head = seen.length === 1 ? seen[0]! : Buffer.concat(seen);
  async function* all(): AsyncGenerator<Buffer> {
    yield* seen;
    seen.length = 0;
    if (done) return;
    for (let r = await it.next(); r.done !== true; r = await it.next()) yield typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
  }
  return { head, all: all() };
}

/** Inflates as much as the stream allows; `error` says where and why it stopped. */
export async function inflate(bytes: Buffer): Promise<{ data: Buffer; error: string | null }> {
  // Loaded here, not at the top: zlib costs ~3 ms of every text run's start.
  const { constants, createGunzip, gunzipSync } = await import('node:zlib');
  try {
    return { data: gunzipSync(bytes), error: null };
  } catch (e) {
    const strictError = (e as Error).message;
    const parts: Buffer[] = [];
    const data = await new Promise<Buffer>((resolve) => {
      const z = createGunzip({ finishFlush: constants.Z_SYNC_FLUSH });
      z.on('data', (d: Buffer) => parts.push(d));
      z.on('error', () => resolve(Buffer.concat(parts)));
      z.on('end', () => resolve(Buffer.concat(parts)));
      z.end(bytes);
    });
    return { data, error: strictError };
  }
}

/**
 * The first 64 KiB a gzip head inflates to: enough to tell text from a
 * profile. Inflating the whole head (512 KiB of a bomb is 512 MiB) held
 * hundreds of MiB before any budget could count them.
 */
async function inflateStart(bytes: Buffer, limit = 64 << 10): Promise<Buffer> {
  const { constants, createGunzip } = await import('node:zlib');
  const parts: Buffer[] = [];
  let size = 0;
  return new Promise((resolve) => {
    const z = createGunzip({ finishFlush: constants.Z_SYNC_FLUSH });
    const done = (): void => resolve(Buffer.concat(parts));
    z.on('data', (d: Buffer) => {
      parts.push(d);
      size += d.length;
      if (size >= limit) {
        z.destroy();
        done();
      }
    });
    z.on('error', done);
    z.on('end', done);
    z.end(bytes);
  });
}

/**
 * gzip, inflated as it streams; a cut or corrupt stream ends the text where
 * it breaks, with a warning. A cut stream inflates without an error (the
 * sync flush that keeps its last bytes also hides its missing end), so its
 * end is checked: a whole gzip file ends with the inflated length mod 2^32
 * (ISIZE, RFC 1952). That also catches a cut that falls on a line end,
 * which the text alone cannot show. (Concatenated gzip members would fail
 * the check; gzip, pigz and HTTP compression write one.)
 */
async function* gunzip(chunks: AsyncIterable<Buffer>, report: DecodeReport): AsyncGenerator<Buffer> {
  const { constants, createGunzip } = await import('node:zlib');
  const z = createGunzip({ finishFlush: constants.Z_SYNC_FLUSH });
  let sourceError: unknown = null;
  let tail: Buffer = Buffer.alloc(0);
  const feed = (async () => {
    try {
      for await (const c of chunks) {
        if (z.destroyed) break;
        tail = c.length >= 4 ? c.subarray(c.length - 4) : Buffer.concat([tail, c]).subarray(-4);
        // Waits for the reader to take the inflated bytes; a stream that broke meanwhile closes instead.
        if (!z.write(c)) await new Promise((resolve) => (z.once('drain', resolve), z.once('close', resolve)));
      }
      if (!z.destroyed) z.end();
    } catch (e) {
      sourceError = e;
      z.destroy();
    }
  })();
  let inflated = 0;
  try {
    for await (const out of z as AsyncIterable<Buffer>) {
      inflated += (out as Buffer).length;
      yield out;
    }
    if (tail.length < 4 || tail.readUInt32LE(0) !== inflated % 2 ** 32) {
      report.warnings.push({ at: 'last-line', message: `the gzip stream ends before its end (the file is cut after ${groupDigits(inflated)} inflated bytes): the text ends there` });
    }
  } catch (e) {
    if (sourceError === null) report.warnings.push({ at: 'last-line', message: `the gzip stream is corrupt (${(e as Error).message}): the text ends where it broke` });
  }
  await feed;
  if (sourceError !== null) throw sourceError;
}

/** UTF-16 (after its byte-order mark) to UTF-8, a chunk at a time; a pair split across chunks is carried over. */
async function* fromUtf16(chunks: AsyncIterable<Buffer>, bigEndian: boolean): AsyncGenerator<Buffer> {
  const decoder = new StringDecoder('utf16le');
  let carry: Buffer | null = null;
  for await (const chunk of chunks) {
    let buf: Buffer = carry === null ? chunk : Buffer.concat([carry, chunk]);
    carry = null;
    if (bigEndian) {
      const even = buf.length & ~1;
      if (even < buf.length) carry = buf.subarray(even);
      buf = Buffer.from(buf.subarray(0, even)).swap16();
    }
    const text = decoder.write(buf);
    if (text.length > 0) yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.end();
  if (rest.length > 0) yield Buffer.from(rest, 'utf8');
}

/** CR-only line ends (classic Mac OS, some Windows tools) become newlines. */
async function* crToNewline(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    const out = Buffer.from(chunk);
    for (let i = out.indexOf(0x0d); i >= 0; i = out.indexOf(0x0d, i + 1)) out[i] = 0x0a;
    yield out;
  }
}

async function* skipBytes(chunks: AsyncIterable<Buffer>, n: number): AsyncGenerator<Buffer> {
  let left = n;
  for await (const chunk of chunks) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}

/** Text encodings and line ends: a byte-order mark (UTF-8 or UTF-16), CR-only lines. */
async function decodeText(chunks: AsyncIterable<Buffer>, report: DecodeReport): Promise<AsyncIterable<Buffer>> {
  const { head, all } = await peek(chunks);
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    const bigEndian = head[0] === 0xfe;
    report.steps.push(`UTF-16${bigEndian ? 'BE' : 'LE'} text (byte-order mark)`);
    return decodeText(fromUtf16(skipBytes(all, 2), bigEndian), report);
  }
  let text = all;
  if (startsWith(head, [0xef, 0xbb, 0xbf])) {
    report.steps.push('UTF-8 byte-order mark');
    text = skipBytes(all, 3);
  }
  if (head.includes(0x0d) && !head.includes(0x0a)) {
    report.steps.push('CR-only line ends');
    text = crToNewline(text);
  }
  return text;
}

/**
 * The file-name suffix for bytes saved as they came (`gdump watch --out`):
 * `.txt`, `.txt.gz` (gzip'd text, told by what it inflates to, as
 * decodeInput tells it), `.pb.gz`, or `.pb` (a raw profile.proto).
 */
export async function savedSuffix(bytes: Buffer): Promise<'.txt' | '.txt.gz' | '.pb.gz' | '.pb'> {
  const head = bytes.subarray(0, 64 << 10);
  if (startsWith(head, GZIP)) {
    const inflated = await inflateStart(head);
    return inflated.length > 0 && isTextStart(inflated) ? '.txt.gz' : '.pb.gz';
  }
  return isTextStart(head) || !looksLikeProfileProto(head) ? '.txt' : '.pb';
}

/**
 * Opens what a source holds: text (decoded to UTF-8 chunks) or a binary
 * profile. Throws a GdumpError ('input') for compression gdump cannot undo.
 */
export async function decodeInput(chunks: AsyncIterable<Buffer>, name: string): Promise<DecodedInput> {
  const report: DecodeReport = { steps: [], warnings: [] };
  const { head, all } = await peek(chunks);
  if (startsWith(head, GZIP)) {
    // The head alone is a cut stream: what inflates of it is enough to tell text from a profile.
    const inflated = await inflateStart(head);
    if (inflated.length > 0 && isTextStart(inflated)) {
      report.steps.push('gzip (inflated)');
      return { kind: 'text', chunks: await decodeText(gunzip(all, report), report), report };
    }
    // Nothing inflatable: the binary decoder says how the stream is damaged.
    if (inflated.length === 0 || looksLikeProfileProto(inflated)) return { kind: 'profile', chunks: all, report };
    throw unreadable(name, `gzip-compressed data that is neither text nor a pprof profile: inflated, it starts with ${hexHead(inflated)}`);
  }
  if (startsWith(head, ZSTD)) {
    const zlib = await import('node:zlib');
    const create = (zlib as unknown as { createZstdDecompress?: () => NodeJS.ReadWriteStream }).createZstdDecompress;
    if (create === undefined) {
      throw unreadable(name, `zstd-compressed, and this Node (${process.version}) has no zstd (Node 22.15 and later have it): decompress it first (zstd -d)`);
    }
    report.steps.push('zstd (decompressed)');
    return { kind: 'text', chunks: await decodeText(streamThrough(all, create()), report), report };
  }
  if (isBzip2(head)) throw unreadable(name, 'bzip2-compressed: decompress it first (bunzip2)');
  if (startsWith(head, XZ)) throw unreadable(name, 'xz-compressed: decompress it first (unxz)');
  if (isTextStart(head)) return { kind: 'text', chunks: await decodeText(all, report), report };
  if (looksLikeProfileProto(head)) return { kind: 'profile', chunks: all, report };
  // Read as text all the same (the grammar passes over every line and reports them), with what it is.
  const known = knownBinary(head);
  report.warnings.push({
    at: 'first-line',
    message: `binary data, not a dump: it starts with ${hexHead(head)}${known === null ? '' : ` (${known})`}, which is not text, gzip or a pprof protocol buffer`,
  });
  return { kind: 'text', chunks: all, report };
}

/** Chunks through a Node transform stream (a decompressor). */
async function* streamThrough(chunks: AsyncIterable<Buffer>, transform: NodeJS.ReadWriteStream): AsyncGenerator<Buffer> {
  const feed = (async () => {
    for await (const c of chunks) transform.write(c);
    transform.end();
  })();
  for await (const out of transform as AsyncIterable<Buffer>) yield out;
  await feed;
}
