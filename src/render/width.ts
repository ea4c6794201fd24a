/**
 * How wide a line is on a terminal, and cutting a styled line to a width.
 * A line one column too wide wraps onto a second row: the table reads
 * badly, and a live redraw (watch) that counts the lines it drew moves the
 * cursor back too few rows and leaves stale pieces on screen. So every line
 * meant for a terminal row is measured without its escape sequences (SGR
 * colours, OSC 8 hyperlinks) and, as a last guard, cut to the width.
 */

/** SGR (`ESC [ … m`) and OSC (`ESC ] … ESC \` or BEL) sequences: styling that takes no columns. */
const STYLE_SEQUENCE = /\u001b\[[0-9;:]*m|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/** Combining marks and zero-width characters take no column of their own. */
const ZERO_WIDTH = /[\u0300-\u036f\u200b-\u200d\ufe0f]/;

/** East Asian wide and fullwidth ranges (and most emoji): two columns each. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

function charWidth(c: string): number {
  if (ZERO_WIDTH.test(c)) return 0;
  return isWide(c.codePointAt(0)!) ? 2 : 1;
}

/** Columns the text takes on a terminal (escape sequences take none). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const c of text.replace(STYLE_SEQUENCE, '')) width += charWidth(c);
  return width;
}

/**
 * The line cut to `width` columns, ending in `…` when cut. Escape sequences
 * are kept as they are (a cut inside a coloured span ends with a reset, so
 * the colour does not run into the next line).
 */
export function fitToWidth(line: string, width: number): string {
  if (displayWidth(line) <= width) return line;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  let styled = false;
  // An OSC 8 link cut before its end must still be closed, or the rest of the screen would be a link.
  let linkOpen = false;
  let i = 0;
  STYLE_SEQUENCE.lastIndex = 0;
  while (i < line.length) {
    STYLE_SEQUENCE.lastIndex = i;
    const seq = STYLE_SEQUENCE.exec(line);
    if (seq !== null && seq.index === i) {
      out += seq[0];
      if (seq[0].startsWith('\u001b]8;')) linkOpen = !/^\u001b\]8;[^;]*;(\u0007|\u001b\\)$/.test(seq[0]);
      else styled = true;
      i += seq[0].length;
      continue;
    }
    const c = String.fromCodePoint(line.codePointAt(i)!);
    const w = charWidth(c);
    if (used + w > width - 1) break;
    out += c;
    used += w;
    i += c.length;
  }
  return out + '…' + (linkOpen ? '\u001b]8;;\u001b\\' : '') + (styled ? '\u001b[0m' : '');
}
