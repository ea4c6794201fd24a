/**
 * Declares a command's options (option-table.ts) to yargs, so its parsing
 * and its --help come from the table.
 */
import type { Argv, Options, PositionalOptions } from 'yargs';
import { optionsOf, POSITIONALS, type CommandName, type OptionSpec } from './option-table.js';

function yargsOption(o: OptionSpec): Options {
  return {
    type: o.type,
    describe: o.describe,
    ...(o.alias !== undefined ? { alias: o.alias } : {}),
    ...(o.default !== undefined ? { default: o.default } : {}),
    ...(o.defaultDescription !== undefined ? { defaultDescription: o.defaultDescription } : {}),
    ...(o.choices !== undefined ? { choices: [...o.choices] } : {}),
    ...(o.array === true ? { array: true } : {}),
  };
}

/** The command's positional and every option the table gives it. */
export function withTableOptions<T>(y: Argv<T>, command: CommandName): Argv<T> {
  const p = POSITIONALS[command];
  // No `array: true`: `inputs..` already makes an array; an explicit undefined default keeps yargs from printing `[default: []]`
  // next to `[required]`. Not where words come after `--`: there yargs fills it with [undefined].
  const positional: PositionalOptions = { type: 'string', describe: p.describe, ...(p.array && p.afterDoubleDash !== true ? { default: undefined } : {}) };
  let out = y.positional(p.name, positional) as unknown as Argv<T>;
  for (const o of optionsOf(command)) out = out.option(o.name, yargsOption(o)) as unknown as Argv<T>;
  return out;
}
