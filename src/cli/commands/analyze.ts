/**
 * `gdump [INPUT…]`: read dumps and print their goroutines grouped, biggest first.
 */
import type { Argv, CommandModule } from 'yargs';
import { epilogue, type Example } from '../help-text.js';
import { withTableOptions } from '../option-builder.js';
import type { AnalyzeArgs } from './analyze-args.js';

const EXAMPLES: readonly Example[] = [
  ['$0 http://127.0.0.1:6060', "Fetch a live service's goroutines (/debug/pprof/goroutine?debug=2) and group them"],
  ['curl -s http://127.0.0.1:6060/debug/pprof/goroutine?debug=2 | $0', 'Group a live service\'s goroutines by creation site'],
  ['$0 dump.txt --group-by stack', 'Group identical stacks, like panicparse'],
  ['$0 dump.txt --focus "^main\\." --json', 'Only goroutines running your code, as JSON'],
  ['$0 -i dump.txt', 'Drill down interactively'],
  ['$0 dump.txt --format folded | flamegraph.pl > flame.svg', 'A flame graph of all goroutines (inferno-flamegraph and speedscope read the same)'],
  ['$0 crash.txt --format pprof -o crash.pb.gz && go tool pprof -http=: crash.pb.gz', "Explore a crash dump in pprof's web UI"],
  ['go test ./... 2>&1 | $0 --passthrough', 'Test output as it is, each goroutine dump replaced by its summary'],
];

export const analyzeCommand: CommandModule<object, AnalyzeArgs> = {
  command: '$0 [inputs..]',
  describe: 'Group the goroutines of a dump by creation site (or stack, state, label) and show the biggest groups first',
  builder: (y) =>
    withTableOptions(y, 'gdump')
      .epilogue(epilogue('gdump', EXAMPLES)) as unknown as Argv<AnalyzeArgs>,
  handler: async (args) => {
    const { runAnalyze } = await import('../run/analyze.js');
    process.exitCode = await runAnalyze(args);
  },
};
