/**
 * Budgets: how much of each thing one input may make gdump hold or read.
 * Input is untrusted (a 4 KB gzip can inflate to 4 GB, a 58 KB proto can
 * declare 30 million strings), so every input has a byte and item budget,
 * with a default a real dump stays far below and a flag to raise it. Past
 * a budget: one line naming it and its flag, exit 4 (GdumpError 'budget').
 *
 * BUDGETS is the one table: the flags are declared from it
 * (src/cli/options.ts), the README's list is checked against it
 * (test/hostile/budgets.test.ts).
 */
import { GdumpError } from '../errors.js';
import { formatBytes } from '../text/numbers.js';

export interface Budget {
  /** The flag that raises it, without the dashes. */
  readonly flag: string;
  /** The default, in the budget's unit. */
  readonly limit: number;
  readonly unit: 'bytes' | 'items';
  /** What is counted, after the amount: "[more than 1 GiB] read from one input". */
  readonly what: string;
}

export const BUDGETS = {
  /** Everything read from one file, stdin or URL, as it arrives (text streams, so this is about time, not memory). */
  input: { flag: 'max-bytes', limit: 1024 ** 3, unit: 'bytes', what: 'read from one input (file, stdin, URL)' },
  /** What a gzip'd input inflates to. */
  inflated: { flag: 'max-inflated', limit: 1024 ** 3, unit: 'bytes', what: 'inflated from one gzip-compressed input' },
  /** A binary profile is decoded whole: its protobuf bytes are held in memory. */
  profile: { flag: 'max-profile-bytes', limit: 64 * 1024 ** 2, unit: 'bytes', what: 'in one binary profile (profile.proto, after inflating)' },
  /** Entries of a binary profile's tables (strings, functions, locations, samples, mappings) and every sample's location ids. */
  items: { flag: 'max-profile-items', limit: 1_000_000, unit: 'items', what: "entries in one binary profile's tables (strings, functions, locations, samples, and the frames of all samples)" },
  /** Location ids of one sample: Go writes at most 1024 (GODEBUG=profstackdepth's maximum). */
  depth: { flag: 'max-stack-depth', limit: 65_536, unit: 'items', what: 'frames in one stack of a binary profile' },
} as const satisfies Record<string, Budget>;

export type BudgetName = keyof typeof BUDGETS;

let limits: Record<BudgetName, number> = defaultLimits();

function defaultLimits(): Record<BudgetName, number> {
  return Object.fromEntries(Object.entries(BUDGETS).map(([name, b]) => [name, b.limit])) as Record<BudgetName, number>;
}

/** Set from the command line before inputs are opened; unset names keep their default. */
export function configureBudgets(next: Partial<Record<BudgetName, number>>): void {
  limits = { ...defaultLimits(), ...next };
}

export function budgetLimit(name: BudgetName): number {
  return limits[name];
}

/** The default as people write it: `1 GiB`, `2,000,000`. */
export function formatBudget(b: Budget, value: number = b.limit): string {
  return b.unit === 'bytes' ? formatBytes(value) : value.toLocaleString('en-US');
}

/** The error past a budget: `stdin: more than 1 GiB read from one input (file, stdin, URL): stopped at this budget (--max-bytes raises it)`. */
export function overBudget(name: BudgetName, where: string): GdumpError {
  const b = BUDGETS[name];
  return new GdumpError(`${where}: more than ${formatBudget(b, limits[name])} ${b.what}: stopped at this budget (--${b.flag} raises it)`, 'budget');
}

/** Counts something against a budget; `add` throws overBudget once the count passes it. */
export class BudgetCounter {
  private used = 0;
  private readonly limit: number;

  constructor(
    private readonly name: BudgetName,
    private readonly where: string,
  ) {
    this.limit = limits[name];
  }

  get count(): number {
    return this.used;
  }

  add(n: number): void {
    this.used += n;
    if (this.used > this.limit) throw overBudget(this.name, this.where);
  }
}

/**
 * The chunks of a stream, counted against a budget as they pass: for the
 * point where decoded (inflated) chunks leave a decoder, so a gzip'd text
 * input is bounded by what it inflates to, not by its compressed size.
 */
export async function* withinBudget(chunks: AsyncIterable<Buffer>, name: BudgetName, where: string): AsyncGenerator<Buffer> {
  const counter = new BudgetCounter(name, where);
  for await (const chunk of chunks) {
    counter.add(chunk.length);
    yield chunk;
  }
}
