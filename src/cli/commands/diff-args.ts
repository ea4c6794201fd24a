/**
 * The diff command's arguments, apart from the command (diff.ts) whose
 * handler imports the run (run/diff.ts): the run reads this type without
 * importing the command back.
 */
import type { FilterArgs, NetworkArgs, OutputArgs } from '../options.js';

export interface DiffArgs extends OutputArgs, NetworkArgs, FilterArgs {
  inputs: string[];
  /** Unset: site for goroutines, top (the allocating function) for heap profiles. */
  by: string | undefined;
  sample: string | undefined;
  top: number;
  stacks: number;
  times: string | undefined;
  'fail-on-growth': number | undefined;
  'ignore-site': string | undefined;
  interactive: boolean;
  format: string;
  /** -o FILE: where --format html writes. */
  output: string | undefined;
  runtime: boolean;
}
