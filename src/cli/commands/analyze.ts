/**
 * `gdump [INPUT…]`: read dumps and print their goroutines grouped, biggest first.
 */
import type { Argv, CommandModule } from 'yargs';
import { EXIT_CODES_HELP } from '../exit.js';
import { withFilterOptions, withNetworkOptions, withOutputOptions } from '../options.js';
import { ANALYZE_DEFAULTS, type AnalyzeArgs } from './analyze-args.js';

export const analyzeCommand: CommandModule<object, AnalyzeArgs> = {
  command: '$0 [inputs..]',
  describe: 'Group the goroutines of a dump by creation site (or stack, state, label) and show the biggest groups first',
  builder: (y) =>
    withNetworkOptions(withFilterOptions(withOutputOptions(y)))
      .positional('inputs', { type: 'string', array: true, describe: 'Dump files, - for stdin (the default when piped)' })
      .option('group-by', { alias: 'g', type: 'string', defaultDescription: 'site; top for heap, allocs, block, mutex', describe: 'site | stack | top | state | label:KEY' })
      .option('sample', { type: 'string', describe: 'Heap/allocs sort key: inuse_space | inuse_objects | alloc_space | alloc_objects (default: inuse_space for heap, alloc_space for allocs)' })
      .option('similarity', { type: 'string', default: ANALYZE_DEFAULTS.similarity, describe: 'For --group-by stack: exact | pointers (ignore pointer args) | values (ignore all args)' })
      .option('top', { type: 'number', default: ANALYZE_DEFAULTS.top, describe: 'Rows in the table (0: all)' })
      .option('stacks', { type: 'number', default: ANALYZE_DEFAULTS.stacks, describe: 'Print the stacks of this many of the biggest groups' })
      .option('strict', { type: 'boolean', default: ANALYZE_DEFAULTS.strict, describe: 'Exit 1 when the input has warnings (cut-off goroutines, unreadable lines)' })
      .option('interactive', { alias: 'i', type: 'boolean', default: ANALYZE_DEFAULTS.interactive, describe: 'Explore the dump in a terminal UI' })
      .option('keep-all', { type: 'boolean', default: ANALYZE_DEFAULTS['keep-all'], describe: 'Keep every goroutine in memory (by default they are folded into groups as they are read, so memory follows the groups, not the input; -i and --format traceback keep all)' })
      .option('format', { type: 'string', choices: ['text', 'json', 'traceback', 'folded', 'pprof', 'html'], default: ANALYZE_DEFAULTS.format, describe: 'text (the report) | json (as --json) | traceback (the kept goroutines as dump text, e.g. after --focus) | folded (flame graph stacks: root;…;leaf count) | pprof (gzip\'d profile.proto for go tool pprof; needs -o FILE on a terminal) | html (the one-file report, as gdump report)' })
      .option('output', { alias: 'o', type: 'string', describe: 'With --format folded, pprof or html: write to this file instead of standard output' })
      .option('tree', { type: 'boolean', default: ANALYZE_DEFAULTS.tree, describe: 'Print the spawn tree after the stacks: which site\'s goroutines started which, with counts, exited creators marked (GODEBUG=tracebackancestors=N dumps carry exited creators\' stacks)' })
      .option('passthrough', { type: 'boolean', default: ANALYZE_DEFAULTS.passthrough, describe: 'Pass the input through as it arrives, byte for byte, each goroutine dump replaced by its summary (a hung go test: the test named, its goroutine first); see also gdump run' })
      .option('source', { type: 'boolean', default: ANALYZE_DEFAULTS.source, describe: 'Show the source lines where the likely leaks wait and of the go statements that started them (the biggest group when none), when the files are on this machine' })
      .option('source-root', { type: 'string', array: true, describe: 'Also look for source files under DIR (a path from the dump, then without its leading directories); implies --source; repeatable' })
      .option('path-map', { type: 'string', array: true, describe: 'FROM=TO: a path prefix in the dump and where it is here (CI checkout, container GOROOT); implies --source; repeatable' })
      .option('strip', { type: 'string', describe: 'Take this regex off the start of every line (a log prefix gdump does not recognise by itself)' })
      .example('curl -s http://127.0.0.1:6060/debug/pprof/goroutine?debug=2 | $0', 'Group a live service\'s goroutines by creation site')
      .example('$0 dump.txt --group-by stack', 'Group identical stacks, like panicparse')
      .example('$0 dump.txt --focus "^main\\." --json', 'Only goroutines running your code, as JSON')
      .example('$0 -i dump.txt', 'Drill down interactively')
      .example('$0 dump.txt --format folded | flamegraph.pl > flame.svg', 'A flame graph of all goroutines (inferno-flamegraph and speedscope read the same)')
      .example('$0 crash.txt --format pprof -o crash.pb.gz && go tool pprof -http=: crash.pb.gz', 'Explore a crash dump in pprof\'s web UI')
      .example('go test ./... 2>&1 | $0 --passthrough', 'Test output as it is, each goroutine dump replaced by its summary')
      .epilogue(EXIT_CODES_HELP) as unknown as Argv<AnalyzeArgs>,
  handler: async (args) => {
    const { runAnalyze } = await import('../run/analyze.js');
    process.exitCode = await runAnalyze(args);
  },
};
