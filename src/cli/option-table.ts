/**
 * Every option of every command, declared once: name, alias, type, default,
 * help text, the values a shell may complete, and the commands that take it.
 * The yargs builders (option-builder.ts), `--help`, the completion scripts
 * (completion.ts) and the README's Usage section (a test compares them) all
 * come from this table. An option whose default or help differs between
 * commands has one row per variant.
 */
import { BUDGETS } from '../input/budget.js';
import { HEAP_SAMPLES } from '../model/profile.js';
import { GROUP_BY_MODES, SIMILARITIES } from '../analysis/keys.js';
import { GROUP_SORTS } from '../analysis/sort.js';
import { HYPERLINK_MODES } from '../render/hyperlinks.js';
import { ANALYZE_DEFAULTS } from './commands/analyze-args.js';
import { NETWORK_DEFAULTS, OUTPUT_DEFAULTS } from './options.js';

/** `gdump` is the default command (`gdump [INPUT…]`). `gdump completion` takes no options. */
export const COMMAND_NAMES = ['gdump', 'diff', 'watch', 'report', 'run'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface OptionSpec {
  readonly name: string;
  readonly alias?: string;
  readonly type: 'string' | 'number' | 'boolean';
  readonly default?: string | number | boolean;
  /** What --help shows as the default when it depends on the input. */
  readonly defaultDescription?: string;
  readonly describe: string;
  /** The help in a few words: the README's Usage lines and the completion menus. */
  readonly summary: string;
  /** Accepted values, checked by yargs; also completed. */
  readonly choices?: readonly string[];
  /** Values a shell completes (the option also takes others, e.g. `label:KEY`). */
  readonly values?: readonly string[];
  /** What the value is, for the README and completion: a file, a directory, a regex… */
  readonly valueName?: string;
  readonly commands: readonly CommandName[];
  /** Repeatable: the values are collected into a list. */
  readonly array?: boolean;
}

export interface PositionalSpec {
  readonly name: string;
  readonly describe: string;
  /** Several values (`inputs..`). */
  readonly array: boolean;
  /** Words after `--` also belong to it (`gdump run -- CMD…`). */
  readonly afterDoubleDash?: boolean;
}

/** The value placeholders that mean "complete a file name". */
export const FILE_VALUES: ReadonlySet<string> = new Set(['FILE', 'DIR']);

/** The commands that print a report of their own: text or JSON. */
const REPORTING = ['gdump', 'diff', 'watch'] as const;
/** The commands that write to a terminal (report writes HTML). */
const DISPLAYING = [...REPORTING, 'run'] as const;
/** The commands that read dumps from files and URLs (run reads its command's output). */
const READING = [...REPORTING, 'report'] as const;
/** --group-by's completed values: `label:` starts a label key the user types. */
const GROUP_BY_VALUES = GROUP_BY_MODES.map((m) => (m === 'label:KEY' ? 'label:' : m));

export const OPTIONS: readonly OptionSpec[] = [
  // Output
  { name: 'json', type: 'boolean', default: OUTPUT_DEFAULTS.json, summary: 'one JSON object (README: JSON output)', describe: 'Print one JSON object (the contract in the README) instead of the report', commands: REPORTING },
  { name: 'color', type: 'boolean', summary: 'colours on or off (default: on a terminal)', describe: 'Force colours on or off (default: on for a terminal; NO_COLOR and FORCE_COLOR are honoured)', commands: DISPLAYING },
  { name: 'full-paths', type: 'boolean', default: OUTPUT_DEFAULTS['full-paths'], summary: 'file paths as the dump has them', describe: 'Print file paths as the dump has them, not shortened', commands: DISPLAYING },
  {
    name: 'hyperlinks',
    type: 'string',
    choices: HYPERLINK_MODES,
    default: ANALYZE_DEFAULTS.hyperlinks,
    valueName: 'WHEN',
    summary: 'clickable file:line in stacks: auto | always | never',
    describe: 'OSC 8 links from file:line in the stacks to file:// of the full path: auto (on a terminal known to show them) | always | never',
    commands: ['gdump'],
  },
  // Grouping and filters
  { name: 'group-by', alias: 'g', type: 'string', values: GROUP_BY_VALUES, valueName: 'MODE', defaultDescription: 'site; top for heap, allocs, block, mutex', summary: 'site | stack | top | state | label:KEY', describe: 'site | stack | top | state | label:KEY', commands: ['gdump'] },
  { name: 'similarity', type: 'string', default: ANALYZE_DEFAULTS.similarity, values: SIMILARITIES, valueName: 'LEVEL', summary: 'with --group-by stack: exact | pointers | values', describe: 'For --group-by stack: exact | pointers (ignore pointer args) | values (ignore all args)', commands: ['gdump'] },
  { name: 'similarity', type: 'string', default: ANALYZE_DEFAULTS.similarity, values: SIMILARITIES, valueName: 'LEVEL', summary: "the stack view's grouping: exact | pointers | values", describe: "The stack view's grouping: exact | pointers (ignore pointer args) | values (ignore all args)", commands: ['report'] },
  {
    name: 'focus',
    type: 'string',
    valueName: 'REGEX',
    summary: 'keep goroutines running or waiting in a match',
    describe: 'Keep only goroutines whose entry function (bottom frame), waiting function (first frame outside the runtime) or creator matches this regex',
    commands: ['gdump', 'diff', 'report'],
  },
  {
    name: 'ignore',
    type: 'string',
    valueName: 'REGEX',
    summary: 'drop goroutines running or waiting in a match',
    describe: 'Drop goroutines whose entry function (bottom frame), waiting function (first frame outside the runtime) or creator matches this regex',
    commands: ['gdump', 'diff', 'report'],
  },
  { name: 'state', type: 'string', valueName: 'REGEX', summary: 'keep goroutines whose wait reason matches', describe: 'Keep only goroutines whose state (wait reason: chan receive, IO wait, select…) matches this regex', commands: ['gdump', 'diff'] },
  { name: 'min-wait', type: 'number', valueName: 'MINUTES', summary: 'keep goroutines that had waited this long', describe: 'Keep only goroutines that had waited at least this many minutes (the wait age the runtime prints from 1 minute on)', commands: ['gdump'] },
  { name: 'sort', type: 'string', choices: GROUP_SORTS, default: ANALYZE_DEFAULTS.sort, valueName: 'ORDER', summary: 'count | wait | name | state', describe: 'Order of the groups: count (biggest first) | wait (longest wait first) | name | state', commands: ['gdump'] },
  { name: 'sample', type: 'string', values: HEAP_SAMPLES, valueName: 'KEY', summary: 'heap/allocs sort: inuse_space, alloc_space, …', describe: 'Heap/allocs sort key: inuse_space | inuse_objects | alloc_space | alloc_objects (default: inuse_space for heap, alloc_space for allocs)', commands: ['gdump', 'diff'] },
  { name: 'by', type: 'string', values: ['site', 'stack', 'top', 'label:'], valueName: 'MODE', defaultDescription: 'site; top for heap', summary: 'match sites on: site | stack | top | label:KEY', describe: 'Match on: site (function run + `go` statement) | stack | top (first user frame) | label:KEY', commands: ['diff'] },
  {
    name: 'runtime',
    type: 'boolean',
    default: false,
    summary: "list the runtime's own goroutines",
    describe: "List the runtime's own goroutines (GC workers, finalizers, the signal loop, pprof's handler) as sites; by default they are one \"runtime\" row, and diffs leave them out of growth",
    commands: REPORTING,
  },
  // Size of the report
  { name: 'top', type: 'number', default: ANALYZE_DEFAULTS.top, valueName: 'N', summary: 'table rows (0: all)', describe: 'Rows in the table (0: all)', commands: ['gdump'] },
  { name: 'top', type: 'number', default: 20, valueName: 'N', summary: 'rows per table (0: all)', describe: 'Rows per table (0: all)', commands: ['diff'] },
  { name: 'top', type: 'number', default: 15, valueName: 'N', summary: 'rows in the live table (0: all)', describe: 'Rows in the live table (0: all)', commands: ['watch'] },
  { name: 'stacks', type: 'number', default: ANALYZE_DEFAULTS.stacks, valueName: 'N', summary: 'stacks of the biggest groups printed', describe: 'Print the stacks of this many of the biggest groups', commands: ['gdump'] },
  { name: 'stacks', type: 'number', default: 3, valueName: 'N', summary: 'stacks of the sites that grew most', describe: 'Print the stacks of this many of the sites that grew most', commands: ['diff'] },
  { name: 'stacks', type: 'number', default: 3, valueName: 'N', summary: 'stacks in the final diff', describe: 'In the final diff, print the stacks of this many of the sites that grew most', commands: ['watch'] },
  { name: 'top', type: 'number', default: 10, valueName: 'N', summary: 'table rows in each summary (0: all)', describe: 'Table rows in each summary (0: all)', commands: ['run'] },
  { name: 'stacks', type: 'number', default: 1, valueName: 'N', summary: 'stacks shown in each summary', describe: 'Stacks shown in each summary', commands: ['run'] },
  // Modes
  { name: 'interactive', alias: 'i', type: 'boolean', default: ANALYZE_DEFAULTS.interactive, summary: 'terminal UI', describe: 'Explore the dump in a terminal UI', commands: ['gdump'] },
  { name: 'interactive', alias: 'i', type: 'boolean', default: false, summary: 'terminal UI: sites by growth, stacks before and after', describe: 'Explore the diff in a terminal UI: sites by growth, Enter for the before and after stacks', commands: ['diff'] },
  { name: 'interactive', alias: 'i', type: 'boolean', default: false, summary: 'terminal UI when the watch ends', describe: 'When the watch ends, explore the series in the terminal UI: sites by growth, Enter for the first and last stacks', commands: ['watch'] },
  { name: 'strict', type: 'boolean', default: ANALYZE_DEFAULTS.strict, summary: 'exit 1 when the input has warnings', describe: 'Exit 1 when the input has warnings (cut-off goroutines, unreadable lines)', commands: ['gdump', 'report'] },
  {
    name: 'keep-all',
    type: 'boolean',
    summary: 'keep every goroutine in memory (not only groups)',
    default: ANALYZE_DEFAULTS['keep-all'],
    describe: 'Keep every goroutine in memory (by default they are folded into groups as they are read, so memory follows the groups, not the input; -i and --format traceback keep all)',
    commands: ['gdump'],
  },
  {
    name: 'format',
    type: 'string',
    choices: ['text', 'json', 'traceback', 'folded', 'pprof', 'html'],
    default: ANALYZE_DEFAULTS.format,
    valueName: 'FORMAT',
    summary: 'text | json | traceback | folded | pprof | html',
    describe:
      "text (the report) | json (as --json) | traceback (the kept goroutines as dump text, e.g. after --focus) | folded (flame graph stacks: root;…;leaf count) | pprof (gzip'd profile.proto for go tool pprof; needs -o FILE on a terminal) | html (the one-file report, as gdump report)",
    commands: ['gdump'],
  },
  { name: 'format', type: 'string', choices: ['text', 'json', 'html'], default: 'text', valueName: 'FORMAT', summary: 'text | json | html (the one-file report)', describe: 'text (the report) | json (as --json) | html (the one-file report of every snapshot with this diff on top, as gdump report)', commands: ['diff'] },
  { name: 'output', alias: 'o', type: 'string', valueName: 'FILE', summary: 'write --format folded, pprof or html to FILE', describe: 'With --format folded, pprof or html: write to this file instead of standard output', commands: ['gdump'] },
  { name: 'output', alias: 'o', type: 'string', valueName: 'FILE', summary: 'write --format html to FILE', describe: 'With --format html: the file to write (default: standard output, refused on a terminal)', commands: ['diff'] },
  { name: 'output', alias: 'o', type: 'string', valueName: 'FILE', summary: 'the HTML file to write', describe: 'The HTML file to write (default: standard output, refused on a terminal)', commands: ['report'] },
  {
    name: 'tree',
    type: 'boolean',
    default: ANALYZE_DEFAULTS.tree,
    summary: 'the spawn tree after the stacks',
    describe: "Print the spawn tree after the stacks: which site's goroutines started which, with counts, exited creators marked (GODEBUG=tracebackancestors=N dumps carry exited creators' stacks)",
    commands: ['gdump'],
  },
  {
    name: 'passthrough',
    type: 'boolean',
    default: ANALYZE_DEFAULTS.passthrough,
    summary: 'pass the input through, dumps summarised',
    describe: 'Pass the input through as it arrives, byte for byte, each goroutine dump replaced by its summary (a hung go test: the test named, its goroutine first); see also gdump run',
    commands: ['gdump'],
  },
  {
    name: 'source',
    type: 'boolean',
    default: ANALYZE_DEFAULTS.source,
    summary: 'source lines of the likely leaks',
    describe: 'Show the source lines where the likely leaks wait and of the go statements that started them (the biggest group when none), when the files are on this machine',
    commands: ['gdump'],
  },
  {
    name: 'source-root',
    type: 'string',
    array: true,
    valueName: 'DIR',
    summary: 'also look for sources under DIR (repeatable)',
    describe: 'Also look for source files under DIR (a path from the dump, then without its leading directories); implies --source; repeatable',
    commands: ['gdump'],
  },
  {
    name: 'path-map',
    type: 'string',
    array: true,
    valueName: 'FROM=TO',
    summary: 'a dump path prefix and where it is here',
    describe: 'FROM=TO: a path prefix in the dump and where it is here (CI checkout, container GOROOT); implies --source; repeatable',
    commands: ['gdump'],
  },
  { name: 'strip', type: 'string', valueName: 'REGEX', summary: 'take this prefix off every line', describe: 'Take this regex off the start of every line, on top of the prefixes gdump recognises by itself (timestamps, docker compose, kubectl --prefix, CI logs, indentation)', commands: ['gdump'] },
  // diff
  { name: 'times', type: 'string', valueName: 'LIST', summary: 'when each snapshot was taken (0,15m,30m)', describe: 'When each snapshot was taken, comma-separated dates or offsets (0,15m,30m); default: file modification times', commands: ['diff'] },
  { name: 'fail-on-growth', type: 'number', valueName: 'N', summary: 'CI: exit 1 when a site grew by more than N', describe: 'CI check: exit 1 when any site grew by more than N goroutines (bytes, or objects, for heap diffs)', commands: ['diff'] },
  { name: 'ignore-site', type: 'string', valueName: 'REGEX', summary: 'leave out sites matching (accepted growth)', describe: 'Leave out sites whose key, entry or creator function matches this regex (known, accepted growth)', commands: ['diff'] },
  // watch
  { name: 'every', type: 'string', default: '10s', valueName: 'DURATION', summary: 'time between snapshots', describe: 'Time between snapshots (500ms, 10s, 1m)', commands: ['watch'] },
  { name: 'count', alias: 'n', type: 'number', valueName: 'N', summary: 'stop after N snapshots', describe: 'Stop after this many snapshots (default: until Ctrl-C)', commands: ['watch'] },
  { name: 'out', alias: 'o', type: 'string', valueName: 'DIR', summary: 'save every snapshot in DIR', describe: 'Save every snapshot as DIR/<UTC timestamp>.txt (.txt.gz, .pb.gz: as the bytes came; DIR created if missing)', commands: ['watch'] },
  // URL inputs
  { name: 'connect-timeout', type: 'string', default: NETWORK_DEFAULTS['connect-timeout'], valueName: 'DURATION', summary: 'URL inputs: time to connect', describe: 'URL inputs: give up when no connection is made within this time', commands: READING },
  { name: 'timeout', type: 'string', default: NETWORK_DEFAULTS.timeout, valueName: 'DURATION', summary: 'URL inputs: time for the whole response', describe: 'URL inputs: give up when the whole response has not arrived within this time', commands: READING },
  // Budgets (src/input/budget.ts): one row per budget, from its table.
  ...Object.values(BUDGETS).map(
    (b): OptionSpec => ({
      name: b.flag,
      type: 'string',
      default: NETWORK_DEFAULTS[b.flag],
      valueName: b.unit === 'bytes' ? 'SIZE' : 'N',
      summary: `budget: most ${b.unit === 'bytes' ? 'bytes ' : ''}${b.what.split(' (')[0]}`,
      describe: `Budget: stop (exit 4) past this many ${b.unit === 'bytes' ? 'bytes ' : ''}${b.what}`,
      commands: READING,
    }),
  ),
];

export const POSITIONALS: Readonly<Record<CommandName, PositionalSpec>> = {
  gdump: { name: 'inputs', array: true, describe: 'Dump files, URLs (http://host:port is /debug/pprof/goroutine?debug=2), or - for standard input (the default when piped; on a terminal, paste and end with Ctrl-D)' },
  diff: { name: 'inputs', array: true, describe: 'Two or more dumps in the order they were taken (files, - for stdin, URLs); traceback and debug=1 may be mixed' },
  watch: { name: 'target', array: false, describe: 'A URL (a bare pprof base means /debug/pprof/goroutine?debug=2) or a file that is rewritten' },
  report: { name: 'inputs', array: true, describe: 'Dumps or profiles (files, - for stdin, URLs); several goroutine dumps (or heap profiles) are also diffed, in order' },
  run: { name: 'command', array: true, afterDoubleDash: true, describe: 'The command and its arguments, after --' },
};

/** The options a command takes, in the table's order. */
export function optionsOf(command: CommandName): OptionSpec[] {
  return OPTIONS.filter((o) => o.commands.includes(command));
}
