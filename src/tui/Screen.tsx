/**
 * Draws one document: the title bar, the fixed headings, the body lines in
 * the window (and only those), and the status bar. Every line is cut to the
 * terminal width with an ellipsis, so nothing wraps into the next row.
 */
import { Box, Text, type TextProps } from 'ink';
import { fitSegments, type Doc, type Line, type Style } from './document.js';

const STYLES: Record<Style, TextProps> = {
  plain: {},
  bold: { bold: true },
  dim: { dimColor: true },
  user: { color: 'cyan' },
  heading: { bold: true, underline: false, color: 'blue' },
  count: { bold: true },
  accent: { color: 'magenta' },
  warn: { color: 'yellow' },
  bad: { color: 'red' },
  good: { color: 'green' },
  added: { color: 'green', bold: true },
  removed: { color: 'red', strikethrough: true },
};

interface RowProps {
  line: Line;
  width: number;
  selected: boolean;
}

function Row({ line, width, selected }: RowProps) {
  const segments = fitSegments(line.segments, width);
  return (
    <Text wrap="truncate-end" inverse={selected}>
      {segments.length === 0 ? ' ' : segments.map((s, i) => (
        <Text key={i} {...STYLES[s.style ?? 'plain']}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
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
}

export function Screen({ doc, cursor, top, height, width, status, statusStyle }: ScreenProps) {
  const rows: Line[] = [];
  for (let i = top; i < Math.min(doc.length, top + height); i++) rows.push(doc.line(i));
  const position = doc.length > height ? ` ${cursor + 1}/${doc.length}` : '';
  return (
    <Box flexDirection="column" width={width}>
      <Row line={{ segments: [{ text: ' gdump · ' + doc.title + position, style: 'bold' }] }} width={width} selected={false} />
      {doc.fixed.map((l, i) => (
        <Row key={`f${i}`} line={l} width={width} selected={false} />
      ))}
      {rows.map((l, i) => (
        <Row key={top + i} line={l} width={width} selected={top + i === cursor} />
      ))}
      {Array.from({ length: Math.max(0, height - rows.length) }, (_, i) => (
        <Text key={`e${i}`}> </Text>
      ))}
      <Row line={{ segments: [{ text: status, style: statusStyle ?? 'dim' }] }} width={width} selected={false} />
    </Box>
  );
}
