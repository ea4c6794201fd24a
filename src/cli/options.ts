/**
 * Parsing and checking option values (regexes, group-by modes, durations,
 * sizes) and the arg types several commands share. Which command takes
 * which option, with its help and default, is the table in option-table.ts.
 */
import type { Argv } from 'yargs';
import type { MemberFilter } from '../analysis/filter.js';
import { HEAP_SAMPLES, type HeapSample } from '../model/profile.js';
import { isGroupBy, SIMILARITIES, type GroupBy, type Similarity } from '../analysis/keys.js';
import type { HttpSettings } from '../input/http.js';
import { GdumpError } from '../errors.js';

export interface OutputArgs {
  json: boolean;
  color: boolean | undefined;
  'full-paths': boolean;
}

export const OUTPUT_DEFAULTS: OutputArgs = { json: false, color: undefined, 'full-paths': false };

/** For the commands whose options are not in the option table yet (gdump report, gdump run). */
export function withOutputOptions<T>(y: Argv<T>): Argv<T & OutputArgs> {
  return withDisplayOptions(y).option('json', { type: 'boolean', default: OUTPUT_DEFAULTS.json, describe: 'Print one JSON object (the contract in the README) instead of the report' }) as Argv<T & OutputArgs>;
}

/** The output options of a command that prints no JSON (`gdump run`): colours and paths. */
export function withDisplayOptions<T>(y: Argv<T>): Argv<T & Omit<OutputArgs, 'json'>> {
  return y
    .option('color', { type: 'boolean', describe: 'Force colours on or off (default: on for a terminal; NO_COLOR and FORCE_COLOR are honoured)' })
    .option('full-paths', { type: 'boolean', default: OUTPUT_DEFAULTS['full-paths'], describe: 'Print file paths as the dump has them, not shortened' }) as Argv<T & Omit<OutputArgs, 'json'>>;
}

export interface FilterArgs {
  focus: string | undefined;
  ignore: string | undefined;
  state: string | undefined;
}

export const FILTER_DEFAULTS: FilterArgs = { focus: undefined, ignore: undefined, state: undefined };

/** The goroutine filter of --focus, --ignore, --state (and --min-wait where a command takes it). */
export function parseFilter(args: FilterArgs & { 'min-wait'?: number | undefined }): MemberFilter {
  const filter: MemberFilter = {};
  const focus = parseRegex('focus', args.focus);
  const ignore = parseRegex('ignore', args.ignore);
  const state = parseRegex('state', args.state);
  if (focus !== undefined) filter.focus = focus;
  if (ignore !== undefined) filter.ignore = ignore;
  if (state !== undefined) filter.state = state;
  const minWait = args['min-wait'];
  if (minWait !== undefined) {
    if (!(Number.isFinite(minWait) && minWait >= 0)) throw new GdumpError(`--min-wait: expected a number of minutes (0 or more), got "${minWait}"`, 'usage');
    filter.minWait = minWait;
  }
  return filter;
}

export function withFilterOptions<T>(y: Argv<T>): Argv<T & FilterArgs> {
  return y
    .option('focus', { type: 'string', describe: 'Keep only goroutines with a frame whose function matches this regex' })
    .option('ignore', { type: 'string', describe: 'Drop goroutines with a frame whose function matches this regex' }) as Argv<T & FilterArgs>;
}

export function parseRegex(flag: string, source: string | undefined): RegExp | undefined {
  if (source === undefined || source === '') return undefined;
  try {
    return new RegExp(source);
  } catch (e) {
    throw new GdumpError(`--${flag}: not a valid regular expression: ${(e as Error).message}`, 'usage');
  }
}

export function parseGroupBy(value: string): GroupBy {
  if (!isGroupBy(value)) throw new GdumpError(`--group-by: expected site, stack, top, state or label:KEY, got "${value}"`, 'usage');
  return value;
}

export function parseSample(value: string | undefined): HeapSample | undefined {
  if (value === undefined) return undefined;
  if (!(HEAP_SAMPLES as readonly string[]).includes(value)) throw new GdumpError(`--sample: expected ${HEAP_SAMPLES.join(', ')}, got "${value}"`, 'usage');
  return value as HeapSample;
}

export function parseSimilarity(value: string): Similarity {
  if (!(SIMILARITIES as readonly string[]).includes(value)) {
    throw new GdumpError(`--similarity: expected ${SIMILARITIES.join(', ')}, got "${value}"`, 'usage');
  }
  return value as Similarity;
}

/** Width for truncating lines: the terminal's, or none when output goes to a pipe or file. */
export function outputWidth(stream: NodeJS.WriteStream): number | null {
  return stream.isTTY === true ? stream.columns ?? 100 : null;
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `500ms`, `10s`, `1.5m`, `1h`; a bare number is seconds. */
export function parseDuration(flag: string, value: string | number): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(String(value));
  const ms = m === null ? NaN : Number(m[1]) * DURATION_UNITS[m[2] ?? 's'];
  if (!(ms > 0)) throw new GdumpError(`--${flag}: expected a duration such as 500ms, 10s or 2m, got "${value}"`, 'usage');
  return ms;
}

const SIZE_UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `1048576`, `512k`, `100MB`, `2GiB` (binary units). */
export function parseByteSize(flag: string, value: string | number): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:([kmg])(?:i?b)?|b)?\s*$/i.exec(String(value));
  const bytes = m === null ? NaN : Math.floor(Number(m[1]) * SIZE_UNITS[(m[2] ?? '').toLowerCase()]);
  if (!(bytes > 0)) throw new GdumpError(`--${flag}: expected a size such as 100MB or 2GiB, got "${value}"`, 'usage');
  return bytes;
}

export interface NetworkArgs {
  'connect-timeout': string;
  timeout: string;
  'max-bytes': string;
}

export const NETWORK_DEFAULTS: NetworkArgs = { 'connect-timeout': '5s', timeout: '60s', 'max-bytes': '1GiB' };

/** For commands whose inputs may be URLs: the limits of a fetch, which the run reads with httpSettingsOf. */
export function withNetworkOptions<T>(y: Argv<T>): Argv<T & NetworkArgs> {
  return y
    .option('connect-timeout', { type: 'string', default: NETWORK_DEFAULTS['connect-timeout'], describe: 'URL inputs: give up when no connection is made within this time' })
    .option('timeout', { type: 'string', default: NETWORK_DEFAULTS.timeout, describe: 'URL inputs: give up when the whole response has not arrived within this time' })
    .option('max-bytes', { type: 'string', default: NETWORK_DEFAULTS['max-bytes'], describe: 'URL inputs: stop reading a response larger than this' }) as Argv<T & NetworkArgs>;
}

/** The limits of every fetch, from the args. */
export function httpSettingsOf(args: NetworkArgs): HttpSettings {
  return {
    connectTimeoutMs: parseDuration('connect-timeout', args['connect-timeout']),
    timeoutMs: parseDuration('timeout', args.timeout),
    maxBytes: parseByteSize('max-bytes', args['max-bytes']),
  };
}
