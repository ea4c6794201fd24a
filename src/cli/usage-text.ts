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
  report: 'gdump report INPUT… -o FILE',
  run: 'gdump run -- CMD…',
};

const WHAT: Record<CommandName, string> = {
  gdump: 'group goroutines (default: by creation site)',
  diff: 'which sites grew between snapshots',
  watch: 'a snapshot every interval, sites by growth',
  report: 'one self-contained HTML report (several inputs: their diff on top)',
  run: 'run CMD, its output passed through as with --passthrough',
};

/** The commands whose shared options close the block; report and run say which of those they take. */
const SHARING: readonly CommandName[] = ['gdump', 'diff', 'watch'];

/** Column where the summaries start. */
const SUMMARY_AT = 35;

function line(left: string, right: string): string {
  return `${left.padEnd(SUMMARY_AT - 1)} ${right}`;
}

function optionLine(o: OptionSpec): string {
  const names = `${o.alias === undefined ? '    ' : `-${o.alias}, `}--${o.name}${o.valueName === undefined ? '' : ` ${o.valueName}`}`;
  return line(`  ${names}`, o.summary);
}

function shared(o: OptionSpec): boolean {
  return SHARING.every((c) => o.commands.includes(c));
}

/** `report takes all but --json, …` / `run only --color, …`: which of the shared options a command outside SHARING takes. */
function takesOfShared(command: CommandName): string {
  const all = OPTIONS.filter(shared);
  const taken = all.filter((o) => o.commands.includes(command));
  const names = (list: readonly OptionSpec[]): string => list.map((o) => `--${o.name}`).join(', ');
  return taken.length * 2 > all.length ? `${command} all but ${names(all.filter((o) => !taken.includes(o)))}` : `${command} only ${names(taken)}`;
}

export function usageText(): string {
  const out: string[] = [];
  for (const command of COMMAND_NAMES) {
    out.push(line(SYNOPSIS[command], WHAT[command]));
    for (const o of optionsOf(command).filter((x) => !shared(x))) out.push(optionLine(o));
  }
  out.push(line(`gdump completion [${SHELLS.join('|')}]`, 'print a shell completion script'));
  const others = COMMAND_NAMES.filter((c) => !SHARING.includes(c));
  out.push(`${SHARING.join(', ')} (${others.map(takesOfShared).join('; ')}):`);
  for (const o of OPTIONS.filter(shared)) out.push(optionLine(o));
  return out.join('\n');
}
