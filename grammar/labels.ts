/**
 * Label sets as the runtime prints them: `{"k":"v", "k2":"v2"}`, keys and
 * values Go-quoted (strconv.Quote, so `\x..`, `\u....` and `\U........`
 * escapes occur). Printed by pprof debug=1 (`# labels: {…}`) and, in the
 * traceback header, by GODEBUG=tracebacklabels=1 (Go 1.26+).
 */
import type { Labels } from '../src/model/goroutine.js';

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'",
};

/** Reads a Go-quoted string starting at `text[at] === '"'`; returns the value and the offset after it. */
export function readGoQuoted(text: string, at: number): { value: string; end: number } | null {
  if (text[at] !== '"') return null;
  let out = '';
  let i = at + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') return { value: out, end: i + 1 };
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = text[i + 1];
    if (e === undefined) return null;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      i += 2;
      continue;
    }
    const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : e >= '0' && e <= '7' ? 3 : 0;
    if (width === 0) return null;
    const start = e >= '0' && e <= '7' ? i + 1 : i + 2;
    const digits = text.slice(start, start + width);
    const code = parseInt(digits, e >= '0' && e <= '7' ? 8 : 16);
    if (digits.length !== width || Number.isNaN(code)) return null;
    // \x and octal escapes are bytes of invalid UTF-8; keep them visible as code points.
    out += code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    i = start + width;
  }
  return null;
}

/**
 * Parses `{"k":"v", "k2":"v2"}` starting at `at`. Returns the labels and the
 * offset after the closing brace, or null when the text is not a label set.
 */
export function readLabels(text: string, at: number): { labels: Labels; end: number } | null {
  if (text[at] !== '{') return null;
  const labels: Record<string, string> = {};
  let i = at + 1;
  const skipSpace = (): void => {
    while (text[i] === ' ') i++;
  };
  skipSpace();
  if (text[i] === '}') return { labels, end: i + 1 };
  for (;;) {
    skipSpace();
    const key = readGoQuoted(text, i);
    if (key === null) return null;
    i = key.end;
    skipSpace();
    if (text[i] !== ':') return null;
    i++;
    skipSpace();
    const value = readGoQuoted(text, i);
    if (value === null) return null;
    i = value.end;
    labels[key.value] = value.value;
    skipSpace();
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text[i] === '}') return { labels, end: i + 1 };
    return null;
  }
}
