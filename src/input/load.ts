/**
 * Reads a source into snapshots: sniffs binary (gzip'd protocol buffer)
 * against text, decodes text as UTF-8 across chunk boundaries, and feeds the
 * grammar's chunked reader as the bytes arrive.
 */
import { StringDecoder } from 'node:string_decoder';
import type { DumpReader, ParseResult } from '../../grammar/parse.js';
import { GdumpError } from '../errors.js';
import { InputPipeline, type PipelineOptions } from './pipeline.js';
import type { InputSource } from './source.js';

export interface Loaded {
  readonly source: InputSource;
  readonly result: ParseResult;
  /** Log prefixes and wrappers taken off the text (empty for a clean dump). */
  readonly stripped?: readonly string[];
}

const DECODE_BYTES = 64 << 10;

/**
 * Gzip magic, or a raw profile.proto: the first bytes read as protobuf
 * fields of a Profile (field numbers 1-15, varint or length-delimited; Go
 * writes period_type, 0x5a, first). Text fails within a byte or two: `g`,
 * `#`, `-` and digits are not such tags.
 */
export function looksBinary(head: Buffer): boolean {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return true;
  let at = 0;
  for (let fields = 0; fields < 4; fields++) {
    if (at >= head.length) return false;
    const tag = head[at++]!;
    const wire = tag & 7;
    if (tag >> 3 < 1 || tag >> 3 > 15 || (wire !== 0 && wire !== 2)) return false;
    let value = 0;
    let scale = 1;
    let b = 0x80;
    while (at < head.length && (b & 0x80) !== 0 && scale < 2 ** 35) {
      b = head[at++]!;
      value += (b & 0x7f) * scale;
      scale *= 128;
    }
    if ((b & 0x80) !== 0) return false;
    if (wire === 2) at += value;
  }
  return true;
}

export interface LoadOptions extends PipelineOptions {
  /** Called as bytes arrive (progress). */
  onBytes?: (bytesRead: number, reader: DumpReader) => void;
}

export async function load(source: InputSource, options: LoadOptions = {}): Promise<Loaded> {
  const pipeline = new InputPipeline({ ...options, name: source.name });
  const reader = pipeline.reader;
  const decoder = new StringDecoder('utf8');
  let first = true;
  let bytes = 0;
  const binary: Buffer[] = [];
  try {
    for await (const chunk of source.chunks()) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      if (first) {
        first = false;
        if (looksBinary(buf)) binary.push(buf);
      } else if (binary.length > 0) binary.push(buf);
      bytes += buf.length;
      if (binary.length === 0) {
        // Decoded in 64 KiB pieces: a string that big still dies young, a longer one goes to V8's
        // large-object space and stays until a full collection (memory grew with the input).
        for (let at = 0; at < buf.length; at += DECODE_BYTES) pipeline.push(decoder.write(buf.subarray(at, at + DECODE_BYTES)));
      }
      options.onBytes?.(bytes, reader);
    }
  } catch (e) {
    if (e instanceof GdumpError) throw e;
    throw new GdumpError(`cannot read ${source.name}: ${(e as Error).message}`, 'input');
  }
  if (binary.length > 0) {
    // Loaded only for a binary input: text runs never load the decoder.
    const { decodeBinary } = await import('./binary.js');
    return { source, result: await decodeBinary(Buffer.concat(binary), source) };
  }
  pipeline.push(decoder.end());
  const { result, stripped } = pipeline.end(bytes);
  return { source, result, stripped };
}
