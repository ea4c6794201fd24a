/**
 * `gdump FILE` and `gdump FILE --json`, the most common runs, without yargs:
 * loading yargs and the string-width tables it pulls in costs ~60 ms, a
 * third of a small dump's run. Only one argument that can mean nothing but a
 * dump file, with or without --json, takes this path; everything else
 * (other flags, commands, URLs, stdin) goes through yargs.
 * test/cli/plain.test.ts checks that these args equal what yargs makes.
 */
import { ANALYZE_DEFAULTS, type AnalyzeArgs } from './commands/analyze.js';

/** Words yargs may read as a command or a built-in rather than as a file name. */
const NOT_A_FILE = new Set(['diff', 'watch', 'help', 'version', 'completion']);

/** The analyze command's args for `gdump FILE [--json]`, or null when the arguments need yargs. */
export function plainAnalyzeArgs(argv: readonly string[]): AnalyzeArgs | null {
  const files = argv.filter((a) => a !== '--json');
  if (files.length !== 1 || argv.length - files.length > 1) return null;
  const arg = files[0]!;
  if (arg === '' || arg.startsWith('-') || NOT_A_FILE.has(arg) || arg.includes('://')) return null;
  return { ...ANALYZE_DEFAULTS, inputs: [arg], json: argv.length === 2 };
}
