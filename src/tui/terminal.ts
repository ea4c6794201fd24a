/**
 * The terminal the interactive view talks to. When the dump arrives on a
 * pipe (`curl … | gdump -i`), standard input is the pipe, so keys are read
 * from /dev/tty instead, as less and fzf do; likewise the screen goes to
 * /dev/tty when standard output is redirected. No terminal at all (CI, cron,
 * a detached process) is reported as null so the caller can fall back.
 */
import { openSync } from 'node:fs';
import tty from 'node:tty';

export interface Terminal {
  readonly stdin: tty.ReadStream;
  readonly stdout: tty.WriteStream;
  /** Releases what was opened here (the process's own streams are left alone). */
  close(): void;
}

function openTty(flags: 'r' | 'w'): number | null {
  try {
    const fd = openSync('/dev/tty', flags);
    return tty.isatty(fd) ? fd : null;
  } catch {
    // ENXIO (no controlling terminal), ENOENT (no /dev/tty, Windows), EACCES.
    return null;
  }
}

export function openTerminal(): Terminal | null {
  const opened: (tty.ReadStream | tty.WriteStream)[] = [];
  let stdin: tty.ReadStream;
  if (process.stdin.isTTY === true) stdin = process.stdin as tty.ReadStream;
  else {
    const fd = openTty('r');
    if (fd === null) return null;
    stdin = new tty.ReadStream(fd);
    opened.push(stdin);
  }
  let stdout: tty.WriteStream;
  if (process.stdout.isTTY === true) stdout = process.stdout as tty.WriteStream;
  else {
    const fd = openTty('w');
    if (fd === null) {
      for (const s of opened) s.destroy();
      return null;
    }
    stdout = new tty.WriteStream(fd);
    opened.push(stdout);
  }
  return {
    stdin,
    stdout,
    close: () => {
      if (stdin.isRaw) stdin.setRawMode(false);
      if (opened.includes(stdin)) stdin.destroy();
      else stdin.pause();
      for (const s of opened) if (s !== stdin) s.end();
    },
  };
}
