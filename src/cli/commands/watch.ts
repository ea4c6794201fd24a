/**
 * `gdump watch TARGET --every 10s`: sample a live service's goroutines again
 * and again and show, per creation site, how the count moves.
 */
import type { Argv, CommandModule } from 'yargs';
import { EXIT_CODES_HELP } from '../exit.js';
import { withNetworkOptions, withOutputOptions } from '../options.js';
import type { WatchArgs } from './watch-args.js';

export const watchCommand: CommandModule<object, WatchArgs> = {
  command: 'watch <target>',
  describe: 'Take a goroutine snapshot every interval and show, per creation site, the count over time and which sites grow in every interval',
  builder: (y) =>
    withNetworkOptions(withOutputOptions(y))
      .positional('target', { type: 'string', demandOption: true, describe: 'A URL (a bare pprof base means /debug/pprof/goroutine?debug=2) or a file that is rewritten' })
      .option('every', { type: 'string', default: '10s', describe: 'Time between snapshots (500ms, 10s, 1m)' })
      .option('count', { alias: 'n', type: 'number', describe: 'Stop after this many snapshots (default: until Ctrl-C)' })
      .option('out', { alias: 'o', type: 'string', describe: 'Save every snapshot as DIR/<UTC timestamp>.txt (created if missing)' })
      .option('top', { type: 'number', default: 15, describe: 'Rows in the live table (0: all)' })
      .option('stacks', { type: 'number', default: 3, describe: 'In the final diff, print the stacks of this many of the sites that grew most' })
      .option('interactive', { alias: 'i', type: 'boolean', default: false, describe: 'When the watch ends, explore the series in the terminal UI: sites by growth, Enter for the first and last stacks' })
      .example('$0 watch http://127.0.0.1:6060 --every 10s', 'Watch a service; Ctrl-C stops and prints the diff of the first and last snapshot')
      .example('$0 watch http://127.0.0.1:6060 --every 1m --count 30 --out snaps/', 'Half an hour of snapshots, saved for `gdump diff snaps/*.txt` later')
      .example('$0 watch http://127.0.0.1:6060 -n 5 --every 2s --json', 'Five snapshots, then the series as JSON (the diff contract)')
      .epilogue(
        `${EXIT_CODES_HELP}\n\nOn a terminal the table is redrawn in place; otherwise one summary line is printed per snapshot. ` +
          'A snapshot that fails after the first is reported and skipped; the first one failing ends the watch.',
      ) as unknown as Argv<WatchArgs>,
  handler: async (args) => {
    const { runWatch } = await import('../run/watch.js');
    process.exitCode = await runWatch(args);
  },
};
