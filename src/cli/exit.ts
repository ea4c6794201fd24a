import { GdumpError, type Failure } from '../errors.js';
import { escapeTerminal } from '../text/escape.js';
import { maskUserinfo } from '../text/secrets.js';

/**
 * Exit codes, documented in --help (help-text.ts) and the README. Scripts rely on them.
 */
export const EXIT = {
  /** The input was read and reported (warnings allowed unless --strict). */
  ok: 0,
  /** A check failed: `diff --fail-on-growth` saw growth, or --strict saw warnings. */
  checkFailed: 1,
  /** The command line was wrong: unknown flag, bad regex, missing argument. */
  usage: 2,
  /** The input held no dump or profile gdump could read. */
  noDump: 3,
  /** An input could not be read: missing file, HTTP error, timeout, corrupt compression. */
  inputError: 4,
  /** gdump itself failed; please report it. */
  internal: 5,
} as const;

/** The exit code of each kind of failure (src/errors.ts): the only place failures become numbers. */
const EXIT_OF_FAILURE: Record<Failure, number> = {
  usage: EXIT.usage,
  'no-dump': EXIT.noDump,
  input: EXIT.inputError,
  // An input too big or with too many items could not be read whole.
  budget: EXIT.inputError,
  check: EXIT.checkFailed,
};

export function exitCodeOf(failure: Failure): number {
  return EXIT_OF_FAILURE[failure];
}

/**
 * A message as it may reach stderr: messages quote file names, URLs, HTTP
 * status texts and profile names, all untrusted, so control and invisible
 * characters are escaped and URL passwords masked, here once for all.
 */
export function printable(message: string): string {
  return escapeTerminal(maskUserinfo(message));
}

/**
 * Turns any failure into a message on stderr and an exit code: the user's
 * message for a GdumpError, "internal error" otherwise. gdump never prints
 * its own stack trace unless GDUMP_DEBUG=1.
 */
export function reportFailure(e: unknown): void {
  const say = (message: string, code: number): void => {
    process.stderr.write(`gdump: ${printable(message)}\n`);
    process.exitCode = code;
  };
  if (e instanceof GdumpError) {
    say(e.message, exitCodeOf(e.failure));
    return;
  }
  say(`internal error: ${(e as Error)?.message ?? String(e)} (please report this; GDUMP_DEBUG=1 shows the stack)`, EXIT.internal);
  if (process.env.GDUMP_DEBUG === '1') process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
}
