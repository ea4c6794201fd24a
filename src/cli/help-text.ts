/**
 * The parts of each command's --help that yargs does not lay out well by
 * itself: examples (yargs puts them in a narrow column and breaks a URL
 * mid-word; here each command line stands on a line of its own, its
 * meaning below it) and the exit codes, only those the command can give.
 */
import { EXIT } from './exit.js';
import type { CommandName } from './option-table.js';

export type Example = readonly [command: string, meaning: string];

/** Why a command exits 1, when it can. */
const CHECKS: Record<CommandName, string | null> = {
  gdump: '--strict and the input had warnings',
  diff: '--fail-on-growth and a site grew by more',
  watch: null,
  report: '--strict and an input had warnings',
  run: null,
};

export function exitCodesHelp(command: CommandName): string {
  const check = CHECKS[command];
  const lines = [
    `${EXIT.ok}  the input was read and reported${check === null ? '' : ' (warnings allowed unless --strict)'}`,
    ...(check === null ? [] : [`${EXIT.checkFailed}  a check failed: ${check}`]),
    `${EXIT.usage}  usage error (unknown flag, bad regex, missing argument)`,
    `${EXIT.noDump}  no dump or profile found in the input`,
    `${EXIT.inputError}  an input could not be read (missing file, HTTP error, timeout, corrupt data) or is past a budget (--max-bytes, …), or -o FILE could not be written${command === 'watch' ? ', or --out could not save 3 snapshots in a row' : ''}`,
    `${EXIT.internal}  internal error in gdump (please report it)`,
  ];
  if (command === 'diff') lines[0] = `${EXIT.ok}  the inputs were read and compared`;
  return `Exit codes:\n${lines.map((l) => `  ${l}`).join('\n')}`;
}

/** `$0` stands for the program name, as in yargs' own examples. */
export function examplesHelp(examples: readonly Example[]): string {
  return `Examples:\n${examples.map(([command, meaning]) => `  ${command.replace(/\$0/g, 'gdump')}\n      ${meaning}`).join('\n')}`;
}

/** Examples, then anything the command adds, then its exit codes. */
export function epilogue(command: CommandName, examples: readonly Example[], more = ''): string {
  return [examplesHelp(examples), more, exitCodesHelp(command)].filter((s) => s !== '').join('\n\n');
}
