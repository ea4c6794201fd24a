/**
 * Dump text is untrusted: label values, panic messages, even function names
 * come from the service's users. Before any of it reaches a terminal, control
 * characters (C0, DEL, C1), bidirectional marks and overrides (ALM U+061C,
 * LRM/RLM, U+202A-E, U+2066-9), line and paragraph separators (U+2028/9,
 * which some terminals and editors break lines at) and invisible characters
 * (zero-width space, joiners, word joiner, BOM, U+180E, interlinear
 * annotations) are shown as escapes, so a dump can neither move the cursor,
 * recolour the screen, reorder text, nor make two different names look alike.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\t') return '\\t';
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export function escapeTerminal(text: string): string {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text) ? text.replace(UNSAFE, escapeChar) : text;
}

/** Characters that end a line for some reader: \n, \r, VT, FF, NEL, U+2028/9. */
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/g;

/**
 * Text meant as one line of a file another program reads back (`--format
 * traceback`): a line break inside a field (a function name from a proto
 * can hold one) is written as an escape, so it cannot forge lines.
 */
export function escapeLineBreaks(text: string): string {
  LINE_BREAK.lastIndex = 0;
  return LINE_BREAK.test(text) ? text.replace(LINE_BREAK, escapeChar) : text;
}

/** One line for a terminal: every unsafe character escaped, but the tabs that lay the line out kept. */
export function escapeTerminalLine(line: string): string {
  return line.includes('\t') ? line.split('\t').map(escapeTerminal).join('\t') : escapeTerminal(line);
}
