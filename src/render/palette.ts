/**
 * ANSI styling, on only for a terminal: NO_COLOR turns it off, FORCE_COLOR
 * on (https://no-color.org, https://force-color.org), and --color/--no-color
 * win over both.
 */
export interface Palette {
  readonly enabled: boolean;
  bold(s: string): string;
  dim(s: string): string;
  user(s: string): string;
  count(s: string): string;
  warn(s: string): string;
  good(s: string): string;
  bad(s: string): string;
  accent(s: string): string;
}

function wrap(open: number, close: number): (s: string) => string {
  return (s) => (s === '' ? s : `\u001b[${open}m${s}\u001b[${close}m`);
}

const plain = (s: string): string => s;

export const NO_COLOR_PALETTE: Palette = {
  enabled: false,
  bold: plain,
  dim: plain,
  user: plain,
  count: plain,
  warn: plain,
  good: plain,
  bad: plain,
  accent: plain,
};

export const COLOR_PALETTE: Palette = {
  enabled: true,
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  user: wrap(36, 39),
  count: wrap(1, 22),
  warn: wrap(33, 39),
  good: wrap(32, 39),
  bad: wrap(31, 39),
  accent: wrap(35, 39),
};

/** Decides colour for a stream: an explicit flag, then NO_COLOR / FORCE_COLOR, then whether it is a terminal. */
export function paletteFor(stream: { isTTY?: boolean }, flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): Palette {
  if (flag !== undefined) return flag ? COLOR_PALETTE : NO_COLOR_PALETTE;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return NO_COLOR_PALETTE;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false' ? NO_COLOR_PALETTE : COLOR_PALETTE;
  return stream.isTTY === true && env.TERM !== 'dumb' ? COLOR_PALETTE : NO_COLOR_PALETTE;
}
