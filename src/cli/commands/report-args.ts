/**
 * The report command's arguments, apart from the command (report.ts) whose
 * handler imports the run (run/report.ts): the run reads this type without
 * importing the command back.
 */
import type { FilterArgs, NetworkArgs } from '../options.js';

export interface ReportArgs extends FilterArgs, NetworkArgs {
  inputs: string[];
  output: string | undefined;
  similarity: string;
  strict: boolean;
}
