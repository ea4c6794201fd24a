/**
 * Draws one document: the title bar, the fixed headings, the body lines in
 * the window (and only those), and the status bar. Every line is cut to the
 * terminal width with an ellipsis, so nothing wraps into the next row.
 */
import { memo } from 'react';
import { Box, Text } from 'ink';
import type { Palette } from '../render/palette.js';
import { fitSegments, type Doc, type Line, type Segment, type Style } from './document.js';
import { groupDigits } from '../text/numbers.js';

const INVERSE = (s: string): string => `\u001b[7m${s}\u001b[27m`;

/**
 * A line as one styled string. One <Text> per row, not one per segment:
 * React and Ink then have five times fewer nodes to reconcile and lay out,
 * which is most of the cost of a key press.
 */
export function styledRow(segments: readonly Segment[], p: Palette): string {
  const style: Record<Style, (s: string) => string> = {
    plain: (s) => s,
    bold: p.bold,
    dim: p.dim,
    user: p.user,
    heading: (s) => p.bold(p.accent(s)),
    count: p.count,
    accent: p.accent,
    warn: p.warn,
    bad: p.bad,
    good: p.good,
  };
  let out = '';
  for (const s of segments) out += style[s.style ?? 'plain'](s.text);
  return out;
}

interface RowProps {
  /** Already styled and cut to the width. */
  text: string;
  selected: boolean;
  palette: Palette;
}

/** Memoised on its text: moving the cursor re-renders two rows, not the screen. */
const Row = memo(function Row({ text, selected, palette }: RowProps) {
  const gutter = selected ? '›' : ' ';
  const body = text === '' ? ' ' : text;
  return <Text wrap="truncate-end">{gutter + (selected && palette.enabled ? INVERSE(body) : body)}</Text>;
});

function rowText(line: Line, width: number, palette: Palette): string {
  return styledRow(fitSegments(line.segments, width), palette);
}

export interface ScreenProps {
  doc: Doc;
  cursor: number;
  top: number;
  /** Body lines on screen. */
  height: number;
  width: number;
  status: string;
  statusStyle?: Style;
  palette: Palette;
}

export function Screen({ doc, cursor, top, height, width, status, statusStyle, palette }: ScreenProps) {
  const rows: Line[] = [];
  for (let i = top; i < Math.min(doc.length, top + height); i++) rows.push(doc.line(i));
  const position = doc.length > height ? ` ${groupDigits(cursor + 1)}/${groupDigits(doc.length)}` : '';
  // One column is the cursor gutter.
  const inner = width - 1;
  return (
    <Box flexDirection="column" width={width}>
      <Row text={rowText({ segments: [{ text: 'gdump · ' + doc.title + position, style: 'bold' }] }, inner, palette)} selected={false} palette={palette} />
      {doc.fixed.map((l, i) => (
        <Row key={`f${i}`} text={rowText(l, inner, palette)} selected={false} palette={palette} />
      ))}
      {rows.map((l, i) => (
        <Row key={top + i} text={rowText(l, inner, palette)} selected={top + i === cursor} palette={palette} />
      ))}
      {height > rows.length ? <Text>{'\n'.repeat(height - rows.length - 1)} </Text> : null}
      <Row text={rowText({ segments: [{ text: status, style: statusStyle ?? 'dim' }] }, inner, palette)} selected={false} palette={palette} />
    </Box>
  );
}
