/**
 * `gdump FILE`, `… | gdump` and either with --json, the most common runs,
 * without yargs: loading yargs and the modules it pulls in added ~15 ms to
 * a small dump's run (measured with the one ES module bundle, Node 20, best
 * of 15: `gdump FILE` 121 ms, `gdump FILE --top 5` 135 ms, `node -e 0` 60
 * ms). Only a command line that can mean nothing else takes this path: no
 * argument or `-` (standard input), or one argument that can only be a dump
 * file, with or without --json. Everything else (other flags, commands,
 * URLs, several inputs) goes through yargs. test/cli/plain.test.ts checks
 * that these args equal what yargs makes.
 */
import { ANALYZE_DEFAULTS, type AnalyzeArgs } from './commands/analyze-args.js';

/** Words yargs may read as a command or a built-in rather than as a file name. */
const NOT_A_FILE = new Set(['diff', 'watch', 'report', 'run', 'help', 'version', 'completion']);

/** The analyze command's args for `gdump FILE [--json]`, or null when the arguments need yargs. */
export function plainAnalyzeArgs(argv: readonly string[]): AnalyzeArgs | null {
  const files = argv.filter((a) => a !== '--json');
  const json = argv.length - files.length;
  if (files.length > 1 || json > 1) return null;
  const arg = files[0];
  // Standard input (loadInputs reads it when no input is given): yargs leaves no argument undefined and makes `-` an empty list.
  if (arg === undefined || arg === '-') return { ...ANALYZE_DEFAULTS, inputs: arg === undefined ? undefined : [], json: json === 1 };
  if (arg === '' || arg.startsWith('-') || NOT_A_FILE.has(arg) || arg.includes('://')) return null;
  return { ...ANALYZE_DEFAULTS, inputs: [arg], json: json === 1 };
}
