/**
 * `gdump completion [bash|zsh|fish]`: print a completion script built from
 * the option table. `--help` describes the command; it never prints the
 * script.
 */
import type { Argv, CommandModule } from 'yargs';
import { completionScript, defaultShell, SHELLS, type Shell } from '../completion.js';

export interface CompletionArgs {
  shell: string | undefined;
}

export const completionCommand: CommandModule<object, CompletionArgs> = {
  command: 'completion [shell]',
  describe: 'Print a shell completion script (bash, zsh or fish; default: your $SHELL)',
  builder: (y) =>
    y
      .positional('shell', { type: 'string', choices: [...SHELLS], describe: 'The shell to complete for (default: the one $SHELL names, else bash)' })
      .example('source <($0 completion bash)', 'Complete gdump in this bash session (add the line to ~/.bashrc to keep it)')
      .example('source <($0 completion zsh)', 'The same for zsh (after compinit)')
      .example('$0 completion fish > ~/.config/fish/completions/gdump.fish', 'Install it for fish') as unknown as Argv<CompletionArgs>,
  handler: (args) => {
    process.stdout.write(completionScript((args.shell as Shell | undefined) ?? defaultShell()));
  },
};
