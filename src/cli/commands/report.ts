/**
 * `gdump report DUMP… -o report.html`: one self-contained HTML file to attach
 * to an incident ticket (site table, diff, stacks, flame view).
 */
import type { Argv, CommandModule } from 'yargs';
import { EXIT_CODES_HELP } from '../exit.js';
import { withFilterOptions, withNetworkOptions } from '../options.js';
import type { ReportArgs } from './report-args.js';

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <inputs..>',
  describe: 'Write a one-file HTML report (no network): the site table, the diff of several snapshots, stacks, a flame view',
  builder: (y) =>
    withNetworkOptions(withFilterOptions(y))
      .positional('inputs', { type: 'string', array: true, describe: 'Dumps or profiles (files, - for stdin, URLs); several goroutine dumps (or heap profiles) are also diffed, in order' })
      .option('output', { alias: 'o', type: 'string', describe: 'The HTML file to write (default: standard output, refused on a terminal)' })
      .option('similarity', { type: 'string', default: 'pointers', describe: 'For the stack grouping: exact | pointers | values' })
      .option('strict', { type: 'boolean', default: false, describe: 'Exit 1 when an input has warnings' })
      .example('$0 report dump.txt -o report.html', 'One dump: site table, stacks, flame view')
      .example('$0 report before.txt after.txt -o leak.html', 'Two snapshots: the diff of creation sites on top, the latest snapshot below')
      .example('$0 report heap.pb.gz -o heap.html', 'A heap profile: allocation sites and a flame view by bytes')
      .epilogue(EXIT_CODES_HELP) as unknown as Argv<ReportArgs>,
  handler: async (args) => {
    const { runReport } = await import('../run/report.js');
    process.exitCode = await runReport(args);
  },
};
