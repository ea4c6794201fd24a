/**
 * A real terminal for end-to-end tests: a tmux server of its own (-L) with
 * one session of a given size running a bare shell; keys go in with
 * send-keys, the screen comes out with capture-pane.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { REPO } from './paths.js';

export const HAS_TMUX = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

/** The test's skip option: a message when tmux is missing, except in CI, where it is an error. */
export function tmuxSkip(): string | false {
  if (HAS_TMUX) return false;
  if (process.env.CI === 'true') throw new Error('tmux is required in CI (apt-get install tmux) but `tmux -V` failed');
  return 'tmux is not installed: skipping the end-to-end terminal test';
}

export const PROMPT = 'GDUMP-E2E$ ';

export class TmuxSession {
  /** The session (and server) name, for -t. */
  readonly target: string;

  constructor(
    tag: string,
    readonly columns = 120,
    readonly rows = 40,
  ) {
    this.target = `gdump-${tag}-${process.pid}`;
  }

  tmux(...args: string[]): string {
    const r = spawnSync('tmux', ['-L', this.target, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  }

  /** Starts the session: a shell with an empty environment but PATH, HOME, a UTF-8 locale and the test's prompt. */
  async start(): Promise<void> {
    const shell = `env -i PATH="${process.env.PATH}" HOME="${process.env.HOME}" TERM=xterm-256color LANG=C.UTF-8 PS1='${PROMPT}' bash --norc --noprofile`;
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', this.target, '-x', String(this.columns), '-y', String(this.rows), '-c', REPO, shell);
    await this.screenWhere((s) => s.includes(PROMPT.trimEnd()), 'the shell prompt');
  }

  /** Types keys; `literal` sends the text as it is (`jjj` as three j's in one write), else tmux key names. */
  send(keys: string[], literal = false): void {
    this.tmux('send-keys', '-t', this.target, ...(literal ? ['-l'] : []), ...keys);
  }

  /** Runs a command line at the prompt. */
  run(line: string): void {
    this.send([line, 'Enter']);
  }

  /** The visible screen, one string per row. `joined`: rows the terminal wrapped are joined back into their line. */
  screen(joined = false): string {
    return this.tmux('capture-pane', '-p', ...(joined ? ['-J'] : []), '-t', this.target);
  }

  /** Clears the screen and its history, so the next capture holds only what comes next. */
  clear(): void {
    this.send(['clear', 'Enter']);
    this.tmux('clear-history', '-t', this.target);
  }

  async screenWhere(ok: (s: string) => boolean, what: string, ms = 20_000): Promise<string> {
    const until = Date.now() + ms;
    for (;;) {
      const s = this.screen();
      if (ok(s)) return s;
      if (Date.now() > until) assert.fail(`timed out waiting for ${what}; the screen:\n${s}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.target, 'kill-server']);
  }
}
