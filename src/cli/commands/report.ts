/**
 * `gdump report DUMP… -o report.html`: one self-contained HTML file to attach
 * to an incident ticket (site table, diff, stacks, flame view).
 */
import type { Argv, CommandModule } from 'yargs';
import { epilogue, type Example } from '../help-text.js';
import { withTableOptions } from '../option-builder.js';
import type { ReportArgs } from './report-args.js';

const EXAMPLES: readonly Example[] = [
  ['$0 report dump.txt -o report.html', 'One dump: site table, stacks, flame view'],
  ['$0 report before.txt after.txt -o leak.html', 'Two snapshots: the diff of creation sites on top, the latest snapshot below'],
  ['$0 report heap.pb.gz -o heap.html', 'A heap profile: allocation sites and a flame view by bytes'],
];

export const reportCommand: CommandModule<object, ReportArgs> = {
  command: 'report <inputs..>',
  describe: 'Write a one-file HTML report (no network): the site table, the diff of several snapshots, stacks, a flame view',
  builder: (y) =>
    withTableOptions(y, 'report').epilogue(epilogue('report', EXAMPLES)) as unknown as Argv<ReportArgs>,
  handler: async (args) => {
    const { runReport } = await import('../run/report.js');
    process.exitCode = await runReport(args);
  },
};
