/**
 * Failures the user can act on, from any layer: a message for them and what
 * kind of failure it is. Only src/cli/exit.ts turns a failure into an exit
 * code, so library code never depends on the CLI.
 */
export type Failure =
  /** The command line or an option was wrong. */
  | 'usage'
  /** The input held no dump or profile. */
  | 'no-dump'
  /** An input could not be read: missing file, HTTP error, timeout, corrupt data. */
  | 'input'
  /** An input went past a size or item budget. */
  | 'budget'
  /** A check failed (--strict, --fail-on-growth). */
  | 'check';

const GDUMP_ERROR = Symbol.for('gdump.GdumpError');

export class GdumpError extends Error {
  readonly [GDUMP_ERROR] = true;

  constructor(
    message: string,
    readonly failure: Failure,
  ) {
    super(message);
  }

  // While the code-cached runs hold a second copy of this module (src/cli/cached-runs.ts), errors are recognised by a registered symbol.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [GDUMP_ERROR]?: unknown })[GDUMP_ERROR] === true;
  }
}
