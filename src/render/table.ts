/**
 * Column layout for terminal tables: right-aligned numbers, a last column
 * that takes the rest of the width, and an ellipsis instead of wrapping.
 * Widths are measured on unstyled text; styling is applied after padding.
 */
import { maxOf } from '../lists.js';

export interface Column {
  readonly title: string;
  readonly align: 'left' | 'right';
  /** The last column may be cut to the terminal width. */
  readonly flexible?: boolean;
}

export type Cell = { text: string; style?: (s: string) => string };

export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  return text.length <= width ? text : width === 1 ? '…' : text.slice(0, width - 1) + '…';
}

export function renderTable(columns: readonly Column[], rows: readonly Cell[][], maxWidth: number | null, title: (s: string) => string): string[] {
  const widths = columns.map((c, i) => Math.max(c.title.length, maxOf(rows.map((r) => r[i]?.text.length ?? 0))));
  const lines: string[] = [];
  const line = (cells: Cell[], header: boolean): string => {
    let used = 0;
    const parts: string[] = [];
    columns.forEach((c, i) => {
      const cell = cells[i] ?? { text: '' };
      let text = cell.text;
      if (c.flexible === true && maxWidth !== null) text = truncate(text, Math.max(8, maxWidth - used));
      else if (i < columns.length - 1) text = c.align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
      used += text.length + 2;
      parts.push(header ? title(text) : cell.style !== undefined ? cell.style(text) : text);
    });
    return '  ' + parts.join('  ').trimEnd();
  };
  lines.push(line(columns.map((c) => ({ text: c.title })), true));
  for (const r of rows) lines.push(line(r, false));
  return lines;
}
