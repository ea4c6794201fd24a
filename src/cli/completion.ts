/**
 * Shell completion scripts for bash, zsh and fish, built from the option
 * table (option-table.ts): the commands, each command's flags (long and
 * short), the values of flags that have a known set (`-g site|stack|…`),
 * directories for `--out`, files for inputs. The scripts are static: a Tab
 * never starts gdump.
 */
import { COMMAND_NAMES, FILE_VALUES, optionsOf, type CommandName, type OptionSpec } from './option-table.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** Subcommands typed after `gdump`, with what each does. */
const SUBCOMMANDS: readonly { name: string; describe: string }[] = [
  { name: 'diff', describe: 'Compare snapshots taken over time' },
  { name: 'watch', describe: 'Sample a live service and show which sites grow' },
  { name: 'report', describe: 'One self-contained HTML report' },
  { name: 'run', describe: 'Run a command, its goroutine dumps summarised' },
  { name: 'completion', describe: 'Print a shell completion script' },
];

function flags(o: OptionSpec): string[] {
  const long = [`--${o.name}`, ...(o.type === 'boolean' && o.name === 'color' ? ['--no-color'] : [])];
  return o.alias === undefined ? long : [...long, `-${o.alias}`];
}

function takesValue(o: OptionSpec): boolean {
  return o.type !== 'boolean';
}

function valuesOf(o: OptionSpec): readonly string[] {
  return o.choices ?? o.values ?? [];
}

function completesFiles(o: OptionSpec): boolean {
  return o.valueName !== undefined && FILE_VALUES.has(o.valueName);
}

/** The option's summary without the characters the shells' description syntax treats specially. */
function shortHelp(o: OptionSpec): string {
  return o.summary.replace(/[[\]:'"`$\\]/g, '').trim();
}

function unique(words: readonly string[]): string[] {
  return [...new Set(words)];
}

const COMMAND_WORDS = SUBCOMMANDS.map((c) => c.name);
const SHELL_WORDS = SHELLS.join(' ');

function bash(): string {
  const valueCases: string[] = [];
  for (const command of COMMAND_NAMES) {
    for (const o of optionsOf(command).filter(takesValue)) {
      const pattern = flags(o)
        .map((f) => `${command}:${f}`)
        .join('|');
      const reply = completesFiles(o)
        ? 'COMPREPLY=($(compgen -d -- "$cur"))'
        : valuesOf(o).length > 0
          ? `COMPREPLY=($(compgen -W "${valuesOf(o).join(' ')}" -- "$cur"))`
          : 'COMPREPLY=()';
      valueCases.push(`    ${pattern}) ${reply}; return ;;`);
    }
  }
  const flagCases = COMMAND_NAMES.map((c) => `      ${c}) words="${unique(optionsOf(c).flatMap(flags)).join(' ')} --help" ;;`);
  return `# gdump completion for bash: source <(gdump completion bash), or add that line to ~/.bashrc.
# Generated from gdump's option table.
_gdump_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd=gdump i words
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${COMMAND_WORDS.join('|')}) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  case "$cmd:$prev" in
${valueCases.join('\n')}
  esac
  if [[ "$cmd" == completion ]]; then
    COMPREPLY=($(compgen -W "${SHELL_WORDS}" -- "$cur"))
    return
  fi
  if [[ "$cur" == -* ]]; then
    case "$cmd" in
${flagCases.join('\n')}
    esac
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
  if [[ "$cmd" == gdump && $COMP_CWORD -eq 1 ]]; then
    COMPREPLY+=($(compgen -W "${COMMAND_WORDS.join(' ')}" -- "$cur"))
  fi
}
complete -o filenames -o bashdefault -F _gdump_complete gdump
`;
}

function zshSpec(o: OptionSpec): string[] {
  const help = `[${shortHelp(o)}]`;
  const values = valuesOf(o);
  const action = !takesValue(o) ? '' : completesFiles(o) ? `:${o.valueName}:_files -/` : values.length > 0 ? `:${o.valueName ?? 'VALUE'}:(${values.map((v) => v.replace(/:/g, '\\:')).join(' ')})` : `:${o.valueName ?? 'VALUE'}: `;
  const names = flags(o);
  if (names.length === 1) return [`'${names[0]}${help}${action}'`];
  if (o.alias !== undefined) return [`'(${names.join(' ')})'{${names.filter((n) => n !== '--no-color').join(',')}}'${help}${action}'`];
  return names.map((n) => `'${n}${help}${action}'`);
}

function zsh(): string {
  const bodies = COMMAND_NAMES.map((c) => {
    const specs = [...optionsOf(c).flatMap(zshSpec), "'--help[Show help]'"];
    const rest = c === 'gdump' ? ["'1: :->first'", "'*:input:_files'"] : ["'*:input:_files'"];
    return `    ${c})\n      _arguments -s \\\n        ${[...specs, ...rest].join(' \\\n        ')} && return 0\n      ;;`;
  });
  const commands = SUBCOMMANDS.map((c) => `'${c.name}:${c.describe}'`).join(' ');
  return `#compdef gdump
# gdump completion for zsh: source <(gdump completion zsh), or save as _gdump in a directory of $fpath.
# Generated from gdump's option table.
_gdump() {
  local cmd=gdump state i
  for (( i = 2; i < CURRENT; i++ )); do
    case \${words[i]} in
      ${COMMAND_WORDS.join('|')}) cmd=\${words[i]}; break ;;
    esac
  done
  if [[ $cmd == completion ]]; then
    _values shell ${SHELLS.join(' ')}
    return
  fi
  case $cmd in
${bodies.join('\n')}
  esac
  if [[ $state == first ]]; then
    local -a commands=(${commands})
    _describe command commands
    _files
  fi
}
if (( $+functions[compdef] )); then compdef _gdump gdump; fi
`;
}

function fish(): string {
  const lines: string[] = [
    '# gdump completion for fish: gdump completion fish > ~/.config/fish/completions/gdump.fish',
    "# Generated from gdump's option table.",
    `complete -c gdump -n '__fish_use_subcommand' -f -a '${COMMAND_WORDS.join(' ')}'`,
    ...SUBCOMMANDS.map((c) => `complete -c gdump -n '__fish_use_subcommand' -f -a ${c.name} -d '${c.describe}'`),
    `complete -c gdump -n '__fish_seen_subcommand_from completion' -f -a '${SHELL_WORDS}'`,
  ];
  const condition = (c: CommandName): string => (c === 'gdump' ? `not __fish_seen_subcommand_from ${COMMAND_WORDS.join(' ')}` : `__fish_seen_subcommand_from ${c}`);
  for (const c of COMMAND_NAMES) {
    for (const o of optionsOf(c)) {
      const names = [`-l ${o.name}`, ...(o.alias !== undefined ? [`-s ${o.alias}`] : [])].join(' ');
      const values = valuesOf(o);
      const value = !takesValue(o) ? '' : completesFiles(o) ? ' -x -a "(__fish_complete_directories)"' : values.length > 0 ? ` -x -a '${values.join(' ')}'` : ' -x';
      lines.push(`complete -c gdump -n '${condition(c)}' ${names}${value} -d '${shortHelp(o)}'`);
      if (o.name === 'color') lines.push(`complete -c gdump -n '${condition(c)}' -l no-color -d 'No colours'`);
    }
  }
  return lines.join('\n') + '\n';
}

export function completionScript(shell: Shell): string {
  return shell === 'bash' ? bash() : shell === 'zsh' ? zsh() : fish();
}

/** The shell to complete for when none is named: the user's login shell, else bash. */
export function defaultShell(env: NodeJS.ProcessEnv = process.env): Shell {
  const name = (env.SHELL ?? '').split('/').pop() ?? '';
  return (SHELLS as readonly string[]).includes(name) ? (name as Shell) : 'bash';
}
