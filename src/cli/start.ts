/**
 * The first code a gdump process runs (bin/gdump.cjs). It answers
 * `--version`, runs the plain run (`gdump FILE`, `… | gdump`, with or
 * without --json) without yargs (plain.ts), and hands every other command
 * line to the yargs runner (main.ts).
 *
 * A small dump's run is mostly start-up, so this module stays small (it is
 * compiled on every start): the analysis, yargs and the TUI are chunks of
 * the bundle, imported only by the runs that need them.
 */
import { reportFailure } from './exit.js';
import { plainAnalyzeArgs } from './plain.js';
import { VERSION } from '../version.js';
import { capYoungGeneration } from './young-generation.js';

export async function start(argv: string[]): Promise<void> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  capYoungGeneration();
  // A closed pipe (gdump … | head) is a normal end, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  const plain = plainAnalyzeArgs(argv);
  try {
    if (plain !== null) {
      const { runAnalyze } = await import('./run/analyze.js');
      process.exitCode = await runAnalyze(plain);
      return;
    }
    const { main } = await import('./main.js');
    await main(argv);
  } catch (e) {
    // main reports its own failures; this catches the plain run's and a chunk that cannot be loaded.
    reportFailure(e);
  }
}
