/**
 * `gdump run -- CMD…`: runs a command (`go test ./...`, a service) and
 * passes its output through, each goroutine dump in it replaced by its
 * grouped summary; exits with the command's exit code.
 */
import type { Argv, CommandModule } from 'yargs';
import { examplesHelp } from '../help-text.js';
import { withTableOptions } from '../option-builder.js';
import type { OutputArgs } from '../options.js';

export interface RunArgs extends Omit<OutputArgs, 'json'> {
  /** The words before `--` that yargs took as the command (`gdump run go version`). */
  command: string[] | undefined;
  /** The words after `--`: the command, its flags untouched. */
  '--': string[] | undefined;
  top: number;
  stacks: number;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run [command..]',
  describe: 'Run a command (after --) and pass its output (stdout and stderr, joined) through, each goroutine dump replaced by its summary',
  builder: (y) =>
    withTableOptions(y, 'run')
      .parserConfiguration({ 'populate--': true })
      .epilogue(
        `${examplesHelp([['$0 run -- go test -timeout 30s ./...', 'A hung test: its name and stack first, 2,000 goroutines in one screen']])}\n\nExit code: the command's (128+N when a signal N ended it); 2 when the command line is wrong`,
      ) as unknown as Argv<RunArgs>,
  handler: async (args) => {
    const { runCommand: run } = await import('../run/passthrough.js');
    const { paletteFor } = await import('../../render/palette.js');
    const { outputWidth } = await import('../options.js');
    const write = (b: Buffer | string): void => void process.stdout.write(b);
    process.exitCode = await run([...(args.command ?? []), ...(args['--'] ?? [])].map(String), write, { palette: paletteFor(process.stdout, args.color), width: outputWidth(process.stdout), fullPaths: args['full-paths'], top: args.top, stacks: args.stacks });
  },
};
