/**
 * Command lines for the fuzz campaign: the real CLI, spawned, with flags
 * from its option table given hostile values (negative, NaN, huge, empty,
 * units, control characters). Every run must end in a documented exit code
 * (0-4) with at most one `gdump:` line per failure, never exit 5 or a stack
 * trace, and within its time.
 */
import fc from 'fast-check';
import { runCli } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';

const INPUTS = [fixture('leak', 'after.txt'), fixture('leak', 'before.txt'), fixture('profiles', 'heap.pb.gz'), fixture('profiles', 'goroutine.debug1.txt'), fixture('profiles', 'block.pb.gz')];

const VALUE = fc.oneof(
  fc.constantFrom('0', '1', '-1', 'NaN', 'abc', '', '1.5', '1e400', '9007199254740993', '600h', '10ms', '1k', '2GiB', '-5MB', 'site', 'stack', 'label:k', 'top', '(', '.*', '\u001b[2J', 'x\u2028y'),
  fc.integer({ min: -1000, max: 1_000_000 }).map(String),
  fc.string({ maxLength: 8 }),
);

const FLAGS = [
  '--top', '--stacks', '--group-by', '--similarity', '--focus', '--ignore', '--sample', '--format', '--strip',
  '--max-bytes', '--max-inflated', '--max-profile-bytes', '--max-profile-items', '--max-stack-depth', '--timeout', '--connect-timeout',
];
const SWITCHES = ['--json', '--strict', '--full-paths', '--keep-all', '--no-color'];

export interface CommandLine {
  argv: string[];
}

export const commandLine: fc.Arbitrary<CommandLine> = fc
  .record({
    command: fc.constantFrom('analyze', 'diff', 'watch'),
    inputs: fc.array(fc.constantFrom(...INPUTS), { minLength: 1, maxLength: 2 }),
    flags: fc.array(fc.tuple(fc.constantFrom(...FLAGS), VALUE), { maxLength: 3 }),
    switches: fc.subarray(SWITCHES),
  })
  .map(({ command, inputs, flags, switches }) => {
    const head = command === 'analyze' ? inputs : command === 'diff' ? ['diff', inputs[0]!, inputs[inputs.length - 1]!] : ['watch', inputs[0]!, '--count', '2', '--every', '10ms'];
    const argv = [...head, ...flags.flatMap(([f, v]) => [`${f}=${v}`]), ...switches];
    return Object.assign({ argv }, { [fc.toStringMethod]: () => JSON.stringify(argv) });
  });

/** null when the run ended as documented; else what went wrong. */
export function runCommandLine(c: CommandLine): string | null {
  const r = runCli(c.argv, { timeoutMs: 60_000 });
  if (r.code === null) return 'killed (timed out)';
  if (r.code > 4) return `exit ${r.code}: ${r.stderr.slice(0, 500)}`;
  if (/\n\s+at /.test(r.stderr)) return `a stack trace: ${r.stderr.slice(0, 500)}`;
  if (/internal error/.test(r.stderr)) return r.stderr.slice(0, 500);
  if (r.code >= 2 && !/^gdump: /m.test(r.stderr)) return `exit ${r.code} without a gdump: line: ${r.stderr.slice(0, 300)}`;
  return null;
}
