/**
 * The runner: yargs settings in one place, the command registry, and the one
 * catch that turns any failure into a message and an exit code. gdump never
 * prints its own stack trace unless GDUMP_DEBUG=1.
 */
import { fileURLToPath } from 'node:url';
import { loadCachedBundle } from './code-cache.js';
import { commands } from './commands/index.js';
import { EXIT, UserError } from './exit.js';
import { plainAnalyzeArgs } from './plain.js';
import { VERSION } from './version.js';
import { capYoungGeneration } from './young-generation.js';

type AnalyzeModule = typeof import('./run/analyze.js');

/** run/analyze.ts as one CommonJS file with its code cache (code-cache.ts), made by `npm run build` next to this bundle. */
const PLAIN_BUNDLE = fileURLToPath(new URL('../plain/analyze.cjs', import.meta.url));

function fail(message: string, code: number): void {
  process.stderr.write(`gdump: ${message}\n`);
  process.exitCode = code;
}

export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  // `gdump --version` answers before yargs loads: yargs alone would use the start-up budget.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  capYoungGeneration();
  // A closed pipe (gdump … | head) is a normal end, not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  try {
    const plain = plainAnalyzeArgs(argv);
    if (plain !== null) {
      const cached = loadCachedBundle<AnalyzeModule>(PLAIN_BUNDLE);
      if (process.env.GDUMP_DEBUG === '1') process.stderr.write(`gdump: debug: plain run, code cache ${cached?.cache ?? 'not built'}\n`);
      const { runAnalyze } = cached?.exports ?? (await import('./run/analyze.js'));
      process.exitCode = await runAnalyze(plain);
      return;
    }
    const { default: yargs } = await import('yargs');
    let parser = yargs(argv)
      .scriptName('gdump')
      .version(VERSION)
      .strict()
      .recommendCommands()
      .wrap(Math.min(110, process.stdout.columns ?? 100))
      .fail((msg, err) => {
        if (err) throw err;
        throw new UserError(msg, EXIT.usage);
      })
      .completion('completion', 'Print a bash/zsh completion script (gdump completion >> ~/.bashrc)')
      .help()
      .alias('h', 'help')
      .alias('V', 'version');
    for (const c of commands) parser = parser.command(c);
    await parser.parseAsync();
  } catch (e) {
    if (e instanceof UserError) fail(e.message, e.exitCode);
    else {
      fail(`internal error: ${(e as Error)?.message ?? String(e)} (please report this; GDUMP_DEBUG=1 shows the stack)`, EXIT.internal);
      if (process.env.GDUMP_DEBUG === '1') process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    }
  }
}
