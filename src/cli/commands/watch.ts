/**
 * `gdump watch TARGET --every 10s`: sample a live service's goroutines again
 * and again and show, per creation site, how the count moves.
 */
import type { Argv, CommandModule } from 'yargs';
import { epilogue, type Example } from '../help-text.js';
import { withTableOptions } from '../option-builder.js';
import type { WatchArgs } from './watch-args.js';

const EXAMPLES: readonly Example[] = [
  ['$0 watch http://127.0.0.1:6060 --every 10s', 'Watch a service; Ctrl-C stops and prints the diff of the first and last snapshot'],
  ['$0 watch http://127.0.0.1:6060 --every 1m --count 30 --out snaps/', 'Half an hour of snapshots, saved for `gdump diff snaps/*.txt` later'],
  ['$0 watch http://127.0.0.1:6060 -n 5 --every 2s --json', 'Five snapshots, then the series as JSON (the diff contract)'],
];

export const watchCommand: CommandModule<object, WatchArgs> = {
  command: 'watch <target>',
  describe: 'Take a goroutine snapshot every interval and show, per creation site, the count over time and which sites grow in every interval',
  builder: (y) =>
    withTableOptions(y, 'watch')
      .epilogue(
        epilogue(
          'watch',
          EXAMPLES,
          'On a terminal the table is redrawn in place; otherwise one summary line is printed per snapshot. ' +
            'A snapshot that fails after the first is reported and skipped; the first one failing ends the watch.',
        ),
      ) as unknown as Argv<WatchArgs>,
  handler: async (args) => {
    const { runWatch } = await import('../run/watch.js');
    process.exitCode = await runWatch(args);
  },
};
