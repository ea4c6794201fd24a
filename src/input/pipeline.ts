/**
 * Decoded text to snapshots: the unwrapper (log prefixes, envelopes, hostile
 * lines) in front of the grammar's streaming reader, and the line settling
 * after it. load() feeds it from a source; tests and the fuzz campaign feed
 * it strings.
 */
import { DumpReader, type ParseOptions, type ParseResult } from '../../grammar/parse.js';
import { settleLines } from './settle.js';
import { Unwrapper, type UnwrapOptions } from './unwrap.js';

export interface PipelineOptions extends ParseOptions, UnwrapOptions {}

export interface PipelineResult {
  result: ParseResult;
  /** The wrapping taken off the input, for the report; empty for a clean dump. */
  stripped: string[];
}

export class InputPipeline {
  readonly reader: DumpReader;
  private readonly unwrapper: Unwrapper;

  constructor(options: PipelineOptions = {}) {
    // Goroutines and records get their input line as they are read (a streaming consumer may drop them); settleLines maps the rest.
    this.reader = new DumpReader({ ...options, origin: (line) => this.unwrapper.lineMap?.origin(line) ?? line });
    this.unwrapper = new Unwrapper((text) => this.reader.push(text), options, () => this.reader.linesPushed);
  }

  push(text: string): void {
    this.unwrapper.push(text);
  }

  /** Ends the input; `inputBytes` is its size in bytes when known (DumpReader.end). */
  end(inputBytes: number | null = null): PipelineResult {
    const report = this.unwrapper.end();
    const result = this.reader.end(inputBytes);
    settleLines(result, report);
    return { result, stripped: report.stripped };
  }
}

/** Reads a whole text through the pipeline. */
export function readText(text: string, options: PipelineOptions = {}): PipelineResult {
  const p = new InputPipeline(options);
  p.push(text);
  return p.end(Buffer.byteLength(text, 'utf8'));
}
