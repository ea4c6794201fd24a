/**
 * The command registry: every command, listed explicitly (no directory scan
 * at start-up). Each command module is small; its handler imports the heavy
 * code (grammar, analysis, TUI) only when it runs. `completion` is yargs'
 * built from the option table (completion.ts).
 */
import type { CommandModule } from 'yargs';
import { analyzeCommand } from './analyze.js';
import { completionCommand } from './completion.js';
import { diffCommand } from './diff.js';
import { reportCommand } from './report.js';
import { runCommand } from './run.js';
import { watchCommand } from './watch.js';

/** yargs takes one list of commands whose argument types differ per command. */
function entry<T>(command: CommandModule<object, T>): CommandModule<object, never> {
  return command as unknown as CommandModule<object, never>;
}

export const commands: CommandModule<object, never>[] = [entry(analyzeCommand), entry(diffCommand), entry(watchCommand), entry(reportCommand), entry(runCommand), entry(completionCommand)];
