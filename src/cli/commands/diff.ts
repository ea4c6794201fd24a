/**
 * `gdump diff BEFORE AFTER [MORE…]`: line snapshots up by creation site (or
 * heap profiles by allocation site) and show which sites grew, biggest first.
 */
import type { Argv, CommandModule } from 'yargs';
import { EXIT_CODES_HELP } from '../exit.js';
import { withNetworkOptions, withOutputOptions } from '../options.js';
import type { DiffArgs } from './diff-args.js';

export const diffCommand: CommandModule<object, DiffArgs> = {
  command: 'diff <inputs..>',
  describe: 'Compare snapshots taken over time: which creation sites grew (two snapshots), and which grew in every interval (three or more)',
  builder: (y) =>
    withNetworkOptions(withOutputOptions(y))
      .positional('inputs', { type: 'string', array: true, describe: 'Two or more dumps in the order they were taken (files, - for stdin, URLs); traceback and debug=1 may be mixed' })
      .option('by', { type: 'string', defaultDescription: 'site; top for heap', describe: 'Match on: site (function run + `go` statement) | stack | top (first user frame) | label:KEY' })
      .option('sample', { type: 'string', describe: 'Heap diffs: inuse_space | inuse_objects | alloc_space | alloc_objects (default: inuse_space for heap, alloc_space for allocs)' })
      .option('top', { type: 'number', default: 20, describe: 'Rows per table (0: all)' })
      .option('stacks', { type: 'number', default: 3, describe: 'Print the stacks of this many of the sites that grew most' })
      .option('times', { type: 'string', describe: 'When each snapshot was taken, comma-separated dates or offsets (0,15m,30m); default: file modification times' })
      .option('fail-on-growth', { type: 'number', describe: 'CI check: exit 1 when any site grew by more than N goroutines (bytes, or objects, for heap diffs)' })
      .option('interactive', { alias: 'i', type: 'boolean', default: false, describe: 'Explore the diff in a terminal UI: sites by growth, Enter for the before and after stacks' })
      .option('format', { type: 'string', choices: ['text', 'json', 'html'], default: 'text', describe: 'text (the report) | json (as --json) | html (the one-file report of every snapshot with this diff on top, as gdump report)' })
      .option('output', { alias: 'o', type: 'string', describe: 'With --format html: the file to write (default: standard output, refused on a terminal)' })
      .option('ignore-site', { type: 'string', describe: 'Leave out sites whose key, entry or creator function matches this regex (known, accepted growth)' })
      .example('$0 diff before.txt after.txt', 'Which creation sites grew between two dumps')
      .example('$0 diff before.debug1.txt after.txt', 'debug=1 against traceback text: sites are matched on the function they run')
      .example('$0 diff s1.txt s2.txt s3.txt --times 0,1h,2h', 'A series: counts per snapshot, sparkline, growth per hour, sites that grew in every interval')
      .example('$0 diff -i before.txt after.txt', 'The same interactively: Enter on a site shows its stack before and after, changes highlighted')
      .example('$0 diff heap-before.txt heap-after.txt', 'Heap/allocs profiles: allocation sites by change in bytes in use, and MemStats')
      .example('$0 diff before.txt after.txt --format html -o leak.html', 'The diff as a one-file HTML report to attach to a ticket')
      .example('$0 diff base.txt now.txt --fail-on-growth 10 --ignore-site "^net/http"', 'CI: fail when any site grew by more than 10 goroutines')
      .epilogue(EXIT_CODES_HELP) as unknown as Argv<DiffArgs>,
  handler: async (args) => {
    const { runDiff } = await import('../run/diff.js');
    process.exitCode = await runDiff(args);
  },
};
