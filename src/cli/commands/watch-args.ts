/**
 * The watch command's arguments, apart from the command (watch.ts) whose
 * handler imports the run (run/watch.ts): the run reads this type without
 * importing the command back.
 */
import type { NetworkArgs, OutputArgs } from '../options.js';

export interface WatchArgs extends OutputArgs, NetworkArgs {
  target: string;
  every: string;
  count: number | undefined;
  out: string | undefined;
  top: number;
  stacks: number;
  interactive: boolean;
  runtime: boolean;
}
