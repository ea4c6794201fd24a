/**
 * The analyze command's arguments and their defaults. Apart from the command
 * (analyze.ts) so that the start (start.ts, through plain.ts) reads them
 * without the command's handler, which imports the whole analysis.
 */
import { FILTER_DEFAULTS, NETWORK_DEFAULTS, OUTPUT_DEFAULTS, type FilterArgs, type NetworkArgs, type OutputArgs } from '../options.js';

export interface AnalyzeArgs extends OutputArgs, FilterArgs, NetworkArgs {
  /** Undefined when none is given (yargs leaves the positional out): standard input is read. */
  inputs: string[] | undefined;
  /** Unset: site for goroutines, top for heap and contention profiles. */
  'group-by': string | undefined;
  sample: string | undefined;
  similarity: string;
  top: number;
  stacks: number;
  strict: boolean;
  interactive: boolean;
  'keep-all': boolean;
  format: string;
  /** -o FILE: where --format folded | pprof | html writes (default: standard output). */
  output: string | undefined;
  strip: string | undefined;
  /** Print the spawn tree (which site's goroutines started which) after the stacks. */
  tree: boolean;
  /** Pass the input through, each dump replaced by its summary (`go test ./... 2>&1 | gdump --passthrough`). */
  passthrough: boolean;
  /** Show the source lines of the likely leaks (implied by --source-root and --path-map). */
  source: boolean;
  'source-root': string[] | undefined;
  'path-map': string[] | undefined;
  'min-wait': number | undefined;
  sort: string;
  runtime: boolean;
  hyperlinks: string;
}

/** Every option's value when not given: the yargs declarations (analyze.ts) and the plain path (plain.ts) both read it. */
export const ANALYZE_DEFAULTS: Omit<AnalyzeArgs, 'inputs'> = {
  ...OUTPUT_DEFAULTS,
  ...FILTER_DEFAULTS,
  ...NETWORK_DEFAULTS,
  'group-by': undefined,
  sample: undefined,
  similarity: 'pointers',
  top: 20,
  stacks: 3,
  strict: false,
  interactive: false,
  'keep-all': false,
  format: 'text',
  output: undefined,
  strip: undefined,
  tree: false,
  passthrough: false,
  source: false,
  'source-root': undefined,
  'path-map': undefined,
  'min-wait': undefined,
  sort: 'count',
  runtime: false,
  hyperlinks: 'auto',
};
