/**
 * The first code a gdump process runs (bin/gdump.cjs). It answers
 * `--version`, runs the plain run (`gdump FILE`, `… | gdump`, with or
 * without --json) from the code cache (cached-runs.ts), and hands every other
 * command line to the yargs runner (main.ts).
 *
 * Why a separate, CommonJS start: a small dump's run is mostly start-up. As
 * CommonJS, a plain run never starts Node's ES module loader, and
 * code-cache.ts loads the analysis from compiled code instead of compiling it.
 * This module stays small (it is compiled on every start): the grammar, yargs
 * and the TUI are all behind it.
 */
import { cachedRuns } from './cached-runs.js';
import { reportFailure } from './exit.js';
import { plainAnalyzeArgs } from './plain.js';
import { VERSION } from './version.js';
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
  if (plain !== null) {
    try {
      const cached = cachedRuns();
      // Without the bundle (a tsc-only build), yargs makes the same args (plain.test.ts) and runs the ES module.
      if (cached !== null) {
        process.exitCode = await cached.exports.runAnalyze(plain);
        return;
      }
    } catch (e) {
      reportFailure(e);
      return;
    }
  }
  try {
    const { main } = await import('./main.js');
    await main(argv);
  } catch (e) {
    // main reports its own failures; this catches a bundle that cannot be loaded.
    reportFailure(e);
  }
}
