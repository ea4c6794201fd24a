/**
 * `gdump diff BEFORE AFTER [MORE…]`: line snapshots up by creation site (or
 * heap profiles by allocation site) and show which sites grew, biggest first.
 */
import type { Argv, CommandModule } from 'yargs';
import { epilogue, type Example } from '../help-text.js';
import { withTableOptions } from '../option-builder.js';
import type { DiffArgs } from './diff-args.js';

const EXAMPLES: readonly Example[] = [
  ['$0 diff before.txt after.txt', 'Which creation sites grew between two dumps'],
  ['$0 diff before.debug1.txt after.txt', 'debug=1 against traceback text: sites are matched on the function they run'],
  ['$0 diff s1.txt s2.txt s3.txt --times 0,1h,2h', 'A series: counts per snapshot, sparkline, growth per hour, sites that grew in every interval'],
  ['$0 diff -i before.txt after.txt', 'The same interactively: Enter on a site shows its stack before and after, changes highlighted'],
  ['$0 diff heap-before.txt heap-after.txt', 'Heap/allocs profiles: allocation sites by change in bytes in use, and MemStats'],
  ['$0 diff before.txt after.txt --format html -o leak.html', 'The diff as a one-file HTML report to attach to a ticket'],
  ['$0 diff base.txt now.txt --fail-on-growth 10 --ignore-site "^net/http"', 'CI: fail when any site grew by more than 10 goroutines'],
];

export const diffCommand: CommandModule<object, DiffArgs> = {
  command: 'diff <inputs..>',
  describe: 'Compare snapshots taken over time: which creation sites grew (two snapshots), and which grew in every interval (three or more)',
  builder: (y) =>
    withTableOptions(y, 'diff')
      .epilogue(epilogue('diff', EXAMPLES)) as unknown as Argv<DiffArgs>,
  handler: async (args) => {
    const { runDiff } = await import('../run/diff.js');
    process.exitCode = await runDiff(args);
  },
};
