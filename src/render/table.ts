/**
 * Column layout for terminal tables: right-aligned numbers, a last column
 * that takes the rest of the width, and an ellipsis instead of wrapping.
 * Widths are measured on unstyled text; styling is applied after padding.
 */
import { maxOf } from '../lists.js';
import { displayWidth, fitToWidth } from './width.js';

export interface Column {
  readonly title: string;
  readonly align: 'left' | 'right';
  /** The last column may be cut to the terminal width. */
  readonly flexible?: boolean;
}

/** Every row starts with this indent; it counts against the width like any column. */
const INDENT = '  ';
const GAP = '  ';

export type Cell = { text: string; style?: (s: string) => string };

export function truncate(text: string, width: number): string {
  return fitToWidth(text, width);
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

export function renderTable(columns: readonly Column[], rows: readonly Cell[][], maxWidth: number | null, title: (s: string) => string): string[] {
  const widths = columns.map((c, i) => Math.max(displayWidth(c.title), maxOf(rows.map((r) => displayWidth(r[i]?.text ?? '')))));
  const lines: string[] = [];
  const line = (cells: Cell[], header: boolean): string => {
    let used = INDENT.length;
    const parts: string[] = [];
    columns.forEach((c, i) => {
      const cell = cells[i] ?? { text: '' };
      let text = cell.text;
      if (c.flexible === true && maxWidth !== null) text = truncate(text, maxWidth - used);
      else if (i < columns.length - 1) text = pad(text, widths[i]!, c.align);
      used += displayWidth(text) + GAP.length;
      parts.push(header ? title(text) : cell.style !== undefined ? cell.style(text) : text);
    });
    const row = INDENT + parts.join(GAP).trimEnd();
    // Fixed columns wider than a narrow terminal: cut the row rather than wrap it.
    return maxWidth === null ? row : fitToWidth(row, maxWidth);
  };
  lines.push(line(columns.map((c) => ({ text: c.title })), true));
  for (const r of rows) lines.push(line(r, false));
  return lines;
}
