/**
 * Parsing and checking option values (regexes, group-by modes, durations,
 * sizes) and the arg types several commands share. Which command takes
 * which option, with its help and default, is the table in option-table.ts.
 */
import type { MemberFilter } from '../analysis/filter.js';
import { HEAP_SAMPLES, type HeapSample } from '../model/profile.js';
import { isGroupBy, SIMILARITIES, type GroupBy, type Similarity } from '../analysis/keys.js';
import type { HttpSettings } from '../input/http.js';
import { GdumpError } from '../errors.js';
import { BUDGETS, configureBudgets, formatBudget, type BudgetName } from '../input/budget.js';

export interface OutputArgs {
  json: boolean;
  color: boolean | undefined;
  'full-paths': boolean;
}

export const OUTPUT_DEFAULTS: OutputArgs = { json: false, color: undefined, 'full-paths': false };

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

const MAX_TIMER_MS = 2 ** 31 - 1;

/** `500ms`, `10s`, `1.5m`, `1h`; a bare number is seconds. */
export function parseDuration(flag: string, value: string | number): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(String(value));
  const ms = m === null ? NaN : Number(m[1]) * DURATION_UNITS[m[2] ?? 's'];
  if (!(ms > 0)) throw new GdumpError(`--${flag}: expected a duration such as 500ms, 10s or 2m, got "${value}"`, 'usage');
  // Node's timers take at most 2^31-1 ms and fire after 1 ms beyond it: a 600h --every would spin.
  if (ms > MAX_TIMER_MS) throw new GdumpError(`--${flag}: ${value} is longer than the longest timer Node can set (${MAX_TIMER_MS} ms, about 24.8 days)`, 'usage');
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

/** Every budget's flag (src/input/budget.ts): `max-bytes`, `max-inflated`, … */
type BudgetFlag = (typeof BUDGETS)[BudgetName]['flag'];

export type NetworkArgs = {
  'connect-timeout': string;
  timeout: string;
} & Record<BudgetFlag, string>;

const BUDGET_DEFAULTS = Object.fromEntries(Object.values(BUDGETS).map((b) => [b.flag, formatBudget(b).replace(/,/g, '')])) as Record<BudgetFlag, string>;

export const NETWORK_DEFAULTS: NetworkArgs = { 'connect-timeout': '5s', timeout: '60s', ...BUDGET_DEFAULTS };

/** --top and --stacks, as every command that has them takes them. */
export function checkRowArgs(args: { top: number; stacks: number }): void {
  parseWholeNumber('top', args.top);
  parseWholeNumber('stacks', args.stacks);
}

/** A string option as given: yargs makes a flag given twice an array, and the last one counts. */
function lastOf(value: unknown): string {
  return String(Array.isArray(value) ? value[value.length - 1] : value);
}

/** A whole number of at least `min`: `--top abc`, `--stacks -1`, `--stacks NaN` and `--top 1.5` are usage errors. */
export function parseWholeNumber(flag: string, value: unknown, min = 0): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min) {
    throw new GdumpError(`--${flag}: expected a whole number${min > 0 ? ` of ${min} or more` : ' (0 or more)'}, got "${String(value)}"`, 'usage');
  }
  return n;
}

/** Sets every budget from the args (src/input/budget.ts), before inputs are opened. */
export function applyBudgets(args: NetworkArgs): void {
  const limits: Partial<Record<BudgetName, number>> = {};
  for (const [name, b] of Object.entries(BUDGETS) as [BudgetName, (typeof BUDGETS)[BudgetName]][]) {
    const given = lastOf(args[b.flag] ?? BUDGET_DEFAULTS[b.flag]);
    limits[name] = b.unit === 'bytes' ? parseByteSize(b.flag, given) : parseWholeNumber(b.flag, given.replace(/[_,]/g, ''), 1);
  }
  configureBudgets(limits);
}

/**
 * The limits of every fetch, from the args. Every command that reads inputs
 * calls it once before opening them, so it also sets the budgets (applyBudgets).
 */
export function httpSettingsOf(args: NetworkArgs): HttpSettings {
  applyBudgets(args);
  return {
    connectTimeoutMs: parseDuration('connect-timeout', lastOf(args['connect-timeout'])),
    timeoutMs: parseDuration('timeout', lastOf(args.timeout)),
    maxBytes: parseByteSize('max-bytes', lastOf(args['max-bytes'])),
  };
}
