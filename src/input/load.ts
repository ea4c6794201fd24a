/**
 * Reads a source into snapshots: decode.ts tells a binary profile from text
 * (inflating gzip, decoding UTF-16 and CR-only lines), the text is decoded as
 * UTF-8 across chunk boundaries and fed to the grammar's chunked reader as
 * the bytes arrive.
 */
import { StringDecoder } from 'node:string_decoder';
import type { DumpReader, ParseResult } from '../../grammar/parse.js';
import { GdumpError } from '../errors.js';
import { decodeInput, type DecodedInput, type DecodeWarning } from './decode.js';
import { InputPipeline, type PipelineOptions } from './pipeline.js';
import type { InputSource } from './source.js';
import { BudgetCounter, withinBudget } from './budget.js';

export interface Loaded {
  readonly source: InputSource;
  readonly result: ParseResult;
  /** Log prefixes and wrappers taken off the text, and decodings undone (empty for a clean dump). */
  readonly stripped?: readonly string[];
}

const DECODE_BYTES = 64 << 10;

/** Sniffing lives with the decoding (decode.ts); `watch` names its saved files by it. */
export { looksBinary } from './decode.js';

export interface LoadOptions extends PipelineOptions {
  /** Called as bytes arrive (progress). */
  onBytes?: (bytesRead: number, reader: DumpReader) => void;
}

export async function load(source: InputSource, options: LoadOptions = {}): Promise<Loaded> {
  const pipeline = new InputPipeline({ ...options, name: source.name });
  const reader = pipeline.reader;
  const decoder = new StringDecoder('utf8');
  let bytes = 0;
  let input: DecodedInput;
  const binary: Buffer[] = [];
  try {
    // Bytes as read (--max-bytes); decoded text as it leaves the decoder (--max-inflated); a binary profile's
    // bytes, held whole for decoding (--max-profile-bytes: stdin that starts like a proto, then never ends).
    input = await decodeInput(withinBudget(source.chunks(), 'input', source.name), source.name);
    const held = new BudgetCounter(input.kind === 'profile' ? 'profile' : 'inflated', source.name);
    for await (const buf of input.chunks) {
      bytes += buf.length;
      held.add(buf.length);
      if (input.kind === 'profile') binary.push(buf);
      else {
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
  if (input.kind === 'profile') {
    // Loaded only for a binary input: text runs never load the decoder.
    const { decodeBinary } = await import('./binary.js');
    return { source, result: await decodeBinary(Buffer.concat(binary), source) };
  }
  pipeline.push(decoder.end());
  const { result, stripped } = pipeline.end(bytes);
  addDecodeWarnings(result, input.report.warnings);
  return { source, result, stripped: input.report.steps.concat(stripped) };
}

/** Decoding problems: what binary data is (first line), where a gzip stream broke (last line read). */
function addDecodeWarnings(result: ParseResult, found: readonly DecodeWarning[]): void {
  for (const { at, message } of found) {
    const line = at === 'first-line' ? Math.min(1, result.lines) : result.lines;
    const owner = at === 'first-line' ? result.snapshots[0] : result.snapshots[result.snapshots.length - 1];
    (owner === undefined ? result.warnings : owner.warnings).push({ line, message });
    if (at === 'first-line') (owner === undefined ? result.warnings : owner.warnings).sort((a, b) => a.line - b.line);
  }
}
