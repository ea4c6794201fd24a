/** `gdump --passthrough [INPUT…]`: each input (standard input by default) streamed through in turn. */
import { openSource } from '../../input/open.js';
import { stdinSource } from '../../input/source.js';
import { paletteFor } from '../../render/palette.js';
import type { AnalyzeArgs } from '../commands/analyze-args.js';
import { httpSettingsOf, outputWidth } from '../options.js';
import { passThrough } from './passthrough.js';

export async function passThroughInputs(args: AnalyzeArgs): Promise<number> {
  const write = (b: Buffer | string): void => void process.stdout.write(b);
  const options = { palette: paletteFor(process.stdout, args.color), width: outputWidth(process.stdout), fullPaths: args['full-paths'], top: Math.min(args.top, 10) || 10, stacks: Math.min(args.stacks, 1) };
  const inputs = args.inputs ?? [];
  const http = httpSettingsOf(args);
  const sources = inputs.length === 0 ? [stdinSource()] : await Promise.all(inputs.map((a) => (a === '-' ? stdinSource() : openSource(a, { http }))));
  for (const source of sources) await passThrough(source.chunks(), write, options);
  return 0;
}
