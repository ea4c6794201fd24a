/**
 * Options shared by several commands, declared once: their names, help text
 * and parsing (regexes, group-by modes) live here and nowhere else.
 */
import type { Argv } from 'yargs';
import { isGroupBy, SIMILARITIES, type GroupBy, type Similarity } from '../analysis/keys.js';
import { EXIT, UserError } from './exit.js';

export interface OutputArgs {
  json: boolean;
  color: boolean | undefined;
  'full-paths': boolean;
}

export function withOutputOptions<T>(y: Argv<T>): Argv<T & OutputArgs> {
  return y
    .option('json', { type: 'boolean', default: false, describe: 'Print one JSON object (the contract in the README) instead of the report' })
    .option('color', { type: 'boolean', describe: 'Force colours on or off (default: on for a terminal; NO_COLOR and FORCE_COLOR are honoured)' })
    .option('full-paths', { type: 'boolean', default: false, describe: 'Print file paths as the dump has them, not shortened' }) as Argv<T & OutputArgs>;
}

export interface FilterArgs {
  focus: string | undefined;
  ignore: string | undefined;
}

export function withFilterOptions<T>(y: Argv<T>): Argv<T & FilterArgs> {
  return y
    .option('focus', { type: 'string', describe: 'Keep only goroutines with a frame whose function matches this regex' })
    .option('ignore', { type: 'string', describe: 'Drop goroutines with a frame whose function matches this regex' }) as Argv<T & FilterArgs>;
}

export function parseRegex(flag: string, source: string | undefined): RegExp | undefined {
  if (source === undefined || source === '') return undefined;
  try {
    return new RegExp(source);
  } catch (e) {
    throw new UserError(`--${flag}: not a valid regular expression: ${(e as Error).message}`, EXIT.usage);
  }
}

export function parseGroupBy(value: string): GroupBy {
  if (!isGroupBy(value)) throw new UserError(`--group-by: expected site, stack, top, state or label:KEY, got "${value}"`, EXIT.usage);
  return value;
}

export function parseSimilarity(value: string): Similarity {
  if (!(SIMILARITIES as readonly string[]).includes(value)) {
    throw new UserError(`--similarity: expected ${SIMILARITIES.join(', ')}, got "${value}"`, EXIT.usage);
  }
  return value as Similarity;
}

/** Width for truncating lines: the terminal's, or none when output goes to a pipe or file. */
export function outputWidth(stream: NodeJS.WriteStream): number | null {
  return stream.isTTY === true ? stream.columns ?? 100 : null;
}
