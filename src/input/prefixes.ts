/**
 * The wrappers a dump arrives in, and how to take them off. Dumps are pasted
 * from log systems one line at a time, so each wrapper is a per-line rule:
 *
 *   envelope  one JSON event per line whose string field holds the text
 *             (`go test -json` "Output", docker json-file "log"); the
 *             strings are joined, so a line split across events comes out whole
 *   prefix    a stamp before the text (kubectl --timestamps, log package,
 *             klog, journald), or the user's --strip REGEX
 *   clean-up  CRLF line ends, ANSI colour codes, a Markdown `> ` quote
 *
 * Which wrappers a dump has is decided once, on its first lines
 * (detectWrapping); lines that do not carry the wrapper pass unchanged.
 */

/** A per-line stamp: the text after it is the dump line. */
export interface LinePrefix {
  readonly name: string;
  readonly pattern: RegExp;
}

/** Ordered most specific first: the first that fits most sample lines wins. */
export const LINE_PREFIXES: readonly LinePrefix[] = [
  // I1127 15:00:00.000000   12 file.go:34] message
  { name: 'klog header (I1127 15:00:00.000000 12 file.go:34])', pattern: /^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d+ +\d+ [^\]\s]+:\d+\] ?/ },
  // Nov 27 15:00:00 host app[123]: message   (journalctl -o short, and short-iso)
  {
    name: 'journald short format (Nov 27 15:00:00 host app[123]:)',
    pattern: /^(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)) [^\s:]+ [^\s:[]+(?:\[\d+\])?: /,
  },
  // 2006/01/02 15:04:05.000000 file.go:12: message   (log package, any of its flags)
  { name: 'log package stamp (2006/01/02 15:04:05)', pattern: /^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(?:\.\d+)? (?:[\w./-]+\.go:\d+: )?/ },
  // 2024-11-27T15:00:00.123456789Z message   (kubectl logs --timestamps, most log shippers)
  { name: 'RFC 3339 timestamp (kubectl logs --timestamps)', pattern: /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)? / },
];

/** A JSON-lines wrapper: which field holds the text, and how to tell its events. */
export interface Envelope {
  readonly name: string;
  /** The text this event carries, '' for an event without text, or null when the line is not such an event. */
  text(event: Record<string, unknown>): string | null;
}

export const ENVELOPES: readonly Envelope[] = [
  {
    name: 'go test -json events ("Output")',
    text: (e) => (typeof e.Action !== 'string' ? null : typeof e.Output === 'string' ? e.Output : ''),
  },
  {
    name: 'docker json-file log lines ("log")',
    text: (e) => (typeof e.log === 'string' ? e.log : null),
  },
];

/** CSI sequences (colours, cursor moves) and the two-byte escapes. */
const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])/g;
const QUOTE = /^(?:> ?)+/;
const FENCE = /^\s*(?:```|~~~)/;

/** The wrapping found on a dump's first lines; every field off means "pass the text through untouched". */
export interface Wrapping {
  envelope: Envelope | null;
  crlf: boolean;
  ansi: boolean;
  prefix: LinePrefix | null;
  quote: boolean;
  /** Fence lines stay in the text (they are non-dump lines the grammar skips); only reported. */
  fence: boolean;
}

export const NO_WRAPPING: Wrapping = { envelope: null, crlf: false, ansi: false, prefix: null, quote: false, fence: false };

/** True when lines need rewriting; a fence alone needs none. */
export function rewrites(w: Wrapping): boolean {
  return w.envelope !== null || w.crlf || w.ansi || w.prefix !== null || w.quote;
}

/** What was taken off, for the report. */
export function describeWrapping(w: Wrapping): string[] {
  const out: string[] = [];
  if (w.envelope !== null) out.push(w.envelope.name);
  if (w.prefix !== null) out.push(w.prefix.name);
  if (w.ansi) out.push('ANSI colour codes');
  if (w.crlf) out.push('CRLF line ends');
  if (w.quote) out.push('Markdown "> " quoting');
  if (w.fence) out.push('Markdown code fence');
  return out;
}

/** The event of one envelope line, or null when the line is not an event. */
export function readEvent(line: string): Record<string, unknown> | null {
  if (!line.startsWith('{')) return null;
  try {
    const v: unknown = JSON.parse(line);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The text an envelope line carries, '' for an event without text, null when it is no event of this envelope. */
export function unwrapEvent(envelope: Envelope, line: string): string | null {
  const event = readEvent(line);
  return event === null ? null : envelope.text(event);
}

/** Takes the per-line wrapping off one line of the (unwrapped) text. */
export function cleanLine(line: string, w: Wrapping, custom: RegExp | null): string {
  let s = line;
  if (w.crlf && s.endsWith('\r')) s = s.slice(0, -1);
  if (w.ansi && s.includes('\u001b')) s = s.replace(ANSI, '');
  const prefix = custom ?? w.prefix?.pattern ?? null;
  if (prefix !== null) {
    const m = prefix.exec(s);
    if (m !== null && m.index === 0) s = s.slice(m[0].length);
  }
  if (w.quote && s.startsWith('>')) s = s.replace(QUOTE, '');
  return s;
}

/** Share of non-blank sample lines a wrapper must fit to be taken for the dump's. */
const MAJORITY = 0.5;

function fits(lines: readonly string[], test: (line: string) => boolean): boolean {
  let seen = 0;
  let hits = 0;
  for (const l of lines) {
    if (l.trim() === '') continue;
    seen++;
    if (test(l)) hits++;
  }
  return seen > 0 && hits / seen >= MAJORITY;
}

/**
 * Decides the wrapping from a dump's first whole lines (without their `\n`).
 * With --strip the user's regex replaces the prefix detection.
 */
export function detectWrapping(sample: readonly string[], custom: RegExp | null): Wrapping {
  let lines = sample;
  let envelope: Envelope | null = null;
  for (const e of ENVELOPES) {
    if (fits(lines, (l) => unwrapEvent(e, l) !== null)) {
      envelope = e;
      lines = unwrapSample(e, lines);
      break;
    }
  }
  const crlf = lines.some((l) => l.endsWith('\r'));
  const ansi = lines.some((l) => l.includes('\u001b['));
  const base: Wrapping = { ...NO_WRAPPING, envelope, crlf, ansi };
  const cleaned = crlf || ansi ? lines.map((l) => cleanLine(l, base, null)) : lines;
  let prefix: LinePrefix | null = null;
  if (custom === null) {
    let best = 0;
    for (const p of LINE_PREFIXES) {
      const hits = cleaned.filter((l) => p.pattern.test(l)).length;
      if (hits > best && fits(cleaned, (l) => p.pattern.test(l))) {
        best = hits;
        prefix = p;
      }
    }
  }
  const stripped = prefix === null && custom === null ? cleaned : cleaned.map((l) => cleanLine(l, { ...base, crlf: false, ansi: false, prefix }, custom));
  const quote = fits(stripped, (l) => l.startsWith('>'));
  const fence = stripped.some((l) => FENCE.test(quote ? l.replace(QUOTE, '') : l));
  return { envelope, crlf, ansi, prefix, quote, fence };
}

/** The text lines an envelope's sample events carry (events split mid-line are joined). */
function unwrapSample(e: Envelope, lines: readonly string[]): string[] {
  let text = '';
  for (const l of lines) {
    const t = unwrapEvent(e, l);
    text += t === null ? l + '\n' : t;
  }
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}
