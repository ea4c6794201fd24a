/**
 * The README's Usage block, made from the option table: each command with
 * the options only it takes, then those every command takes. A test keeps
 * the README equal to it (test/cli/options.test.ts prints the block to
 * paste when they differ).
 */
import { SHELLS } from './completion.js';
import { COMMAND_NAMES, OPTIONS, optionsOf, type CommandName, type OptionSpec } from './option-table.js';

const SYNOPSIS: Record<CommandName, string> = {
  gdump: 'gdump [INPUT…]',
  diff: 'gdump diff BEFORE AFTER [MORE…]',
  watch: 'gdump watch TARGET',
};

const WHAT: Record<CommandName, string> = {
  gdump: 'group goroutines (default: by creation site)',
  diff: 'which sites grew between snapshots',
  watch: 'a snapshot every interval, sites by growth',
};

/** Column where the summaries start. */
const SUMMARY_AT = 35;

function line(left: string, right: string): string {
  return `${left.padEnd(SUMMARY_AT - 1)} ${right}`;
}

function optionLine(o: OptionSpec): string {
  const names = `${o.alias === undefined ? '    ' : `-${o.alias}, `}--${o.name}${o.valueName === undefined ? '' : ` ${o.valueName}`}`;
  return line(`  ${names}`, o.summary);
}

function everyCommand(o: OptionSpec): boolean {
  return COMMAND_NAMES.every((c) => o.commands.includes(c));
}

export function usageText(): string {
  const out: string[] = [];
  for (const command of COMMAND_NAMES) {
    out.push(line(SYNOPSIS[command], WHAT[command]));
    for (const o of optionsOf(command).filter((x) => !everyCommand(x))) out.push(optionLine(o));
  }
  out.push(line('gdump report INPUT… -o FILE', 'one self-contained HTML report (several inputs: their diff on top)'));
  out.push(line('gdump run -- CMD…', 'run CMD, its output passed through as with --passthrough'));
  out.push(line(`gdump completion [${SHELLS.join('|')}]`, 'print a shell completion script'));
  out.push('every command:');
  for (const o of OPTIONS.filter(everyCommand)) out.push(optionLine(o));
  return out.join('\n');
}
