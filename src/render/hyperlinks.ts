/**
 * Clickable locations: OSC 8 hyperlinks (`ESC ] 8 ; ; URL ESC \ text
 * ESC ] 8 ; ; ESC \`) from a frame's `file:line` to `file://` of its full
 * path. `--hyperlinks auto` (the default) links only on a terminal known to
 * show them (a terminal that does not would print the sequence); `always`
 * and `never` decide for it. The URL is built from the dump's path, which is
 * untrusted: every segment is percent-encoded, so no control character or
 * escape reaches the terminal through it.
 */
import type { Frame } from '../model/frame.js';

export const HYPERLINK_MODES = ['auto', 'always', 'never'] as const;
export type HyperlinkMode = (typeof HYPERLINK_MODES)[number];

const OSC8 = '\u001b]8;;';
const ST = '\u001b\\';

/** Terminals that show OSC 8 links, by what they set in the environment. */
export function supportsHyperlinks(env: NodeJS.ProcessEnv): boolean {
  // Inside tmux or screen the sequence reaches the outer terminal only with passthrough set up: not by default.
  if (env.TMUX !== undefined || (env.TERM ?? '').startsWith('screen')) return false;
  if (['iTerm.app', 'WezTerm', 'vscode', 'ghostty', 'Hyper', 'Tabby', 'rio'].includes(env.TERM_PROGRAM ?? '')) return true;
  if (Number(env.VTE_VERSION ?? 0) >= 5000) return true;
  return env.KITTY_WINDOW_ID !== undefined || env.WT_SESSION !== undefined || env.TERM === 'xterm-kitty' || env.TERM === 'foot' || env.TERM === 'alacritty';
}

/** `file://` of an absolute path (POSIX, or a Windows drive path), percent-encoded; null for a relative or empty one. */
export function fileUrl(path: string): string | null {
  const posix = path.replace(/\\/g, '/');
  const abs = posix.startsWith('/') ? posix : /^[A-Za-z]:\//.test(posix) ? `/${posix}` : null;
  if (abs === null) return null;
  return 'file://' + abs.split('/').map((segment) => encodeURIComponent(segment).replace(/%3A/gi, ':')).join('/');
}

export type Linker = (f: Frame, text: string) => string;

/** Wraps a frame's location text in a link to its file, or leaves it as it is when the path is not absolute. */
export const linkFrame: Linker = (f, text) => {
  const url = fileUrl(f.file);
  return url === null || text === '' ? text : `${OSC8}${url}${ST}${text}${OSC8}${ST}`;
};

/** The linker for an output stream under --hyperlinks, or null for plain text. */
export function linkerFor(mode: HyperlinkMode, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Linker | null {
  if (mode === 'never') return null;
  if (mode === 'always') return linkFrame;
  return stream.isTTY === true && supportsHyperlinks(env) ? linkFrame : null;
}
