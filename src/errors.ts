/**
 * Failures the user can act on, from any layer: a message for them and what
 * kind of failure it is. Only src/cli/exit.ts turns a failure into an exit
 * code, so library code never depends on the CLI. At the bottom of the
 * import graph (test/architecture/imports.test.ts): every layer may throw it.
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

export class GdumpError extends Error {
  override readonly name = 'GdumpError';

  constructor(
    message: string,
    readonly failure: Failure,
  ) {
    super(message);
  }
}
