/**
 * The command registry: every command, listed explicitly (no directory scan
 * at start-up). Each command module is small; its handler imports the heavy
 * code (grammar, analysis, TUI) only when it runs.
 */
import type { CommandModule } from 'yargs';
import { analyzeCommand } from './analyze.js';
import { diffCommand } from './diff.js';
import { watchCommand } from './watch.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- yargs' CommandModule is generic per command
export const commands: CommandModule<object, never>[] = [
  analyzeCommand as unknown as CommandModule<object, never>,
  diffCommand as unknown as CommandModule<object, never>,
  watchCommand as unknown as CommandModule<object, never>,
];
