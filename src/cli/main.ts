/**
 * The yargs runner: its settings in one place and the command registry. A
 * process gets here from start.ts for every command line the plain run does
 * not take (flags, commands, URLs, --help).
 */
import { commands } from './commands/index.js';
import { GdumpError } from '../errors.js';
import { reportFailure } from './exit.js';
import { VERSION } from '../version.js';

export async function main(argv: string[]): Promise<void> {
  try {
    const { default: yargs } = await import('yargs');
    let parser = yargs(argv)
      .scriptName('gdump')
      .version(VERSION)
      .strict()
      .recommendCommands()
      .wrap(Math.min(110, process.stdout.columns ?? 100))
      .fail((msg, err) => {
        if (err) throw err;
        throw new GdumpError(msg, 'usage');
      })
      // Options are declared in kebab case only: no camelCase copies, so an unknown flag is reported once.
      .parserConfiguration({ 'camel-case-expansion': false })
      .help()
      .alias('h', 'help')
      .alias('V', 'version');
    for (const c of commands) parser = parser.command(c);
    await parser.parseAsync();
  } catch (e) {
    reportFailure(e);
  }
}
