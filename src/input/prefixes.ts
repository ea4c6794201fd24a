/**
 * The wrappers a dump arrives in, and how to take them off. Dumps are pasted
 * from log systems one line at a time, so each wrapper is a per-line rule:
 *
 *   envelope  one JSON event per line whose string field holds the text
 *             (`go test -json` "Output", docker json-file "log"); the
 *             strings are joined, so a line split across events comes out whole
 *   prefix    a stamp before the text (kubectl --timestamps, log package,
 *             klog, journald, docker compose, kubectl --prefix, a CI log
 *             page's line numbers), up to three stacked, and the user's
 *             --strip REGEX on top of them
 *   clean-up  CRLF line ends, ANSI colour codes, a Markdown `> ` quote,
 *             an indentation every dump line shares (a dump nested in test
 *             output), a blank line after every line (a double-spaced paste)
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
  // 618283 2021-09-15T07:40:15.1455272Z message   (a GitHub Actions log copied from its web page: line number, stamp)
  { name: 'CI log line number and timestamp (618283 2021-09-15T07:40:15.1455272Z)', pattern: /^\d+ \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d) ?/ },
  // 2024-11-27T15:00:00.123456789Z message   (kubectl logs --timestamps, most log shippers)
  { name: 'RFC 3339 timestamp (kubectl logs --timestamps)', pattern: /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)? / },
  // [pod/api-7d9f/server] message   (kubectl logs --prefix)
  { name: 'kubectl logs --prefix ([pod/name/container])', pattern: /^\[pod\/[^\]\s]+\] ?/ },
  // svc-1  | message   (docker compose logs; docker-compose v1 wrote svc_1)
  { name: 'docker compose logs prefix (svc-1  | )', pattern: /^[A-Za-z0-9][\w.-]* *\| ?/ },
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
  /** Stamps, outermost first (`kubectl logs --prefix --timestamps` writes two). */
  prefixes: readonly LinePrefix[];
  quote: boolean;
  /** Text no known stamp matches that (nearly) every line starts with, taken off ('' for none): `<app-7> `. */
  shared: string;
  /** Whitespace every dump line starts with, taken off ('' for none). */
  indent: string;
  /** A blank line after every line: every second line is dropped when blank. */
  doubleSpaced: boolean;
  /** Fence lines stay in the text (they are non-dump lines the grammar skips); only reported. */
  fence: boolean;
}

export const NO_WRAPPING: Wrapping = { envelope: null, crlf: false, ansi: false, prefixes: [], shared: '', quote: false, indent: '', doubleSpaced: false, fence: false };

/** True when lines need rewriting; a fence alone needs none. */
export function rewrites(w: Wrapping): boolean {
  return w.envelope !== null || w.crlf || w.ansi || w.prefixes.length > 0 || w.shared !== '' || w.quote || w.indent !== '' || w.doubleSpaced;
}

function describeIndent(indent: string): string {
  const tabs = indent.split('\t').length - 1;
  const spaces = indent.length - tabs;
  const parts = [spaces > 0 ? `${spaces} space${spaces > 1 ? 's' : ''}` : '', tabs > 0 ? `${tabs} tab${tabs > 1 ? 's' : ''}` : ''].filter((p) => p !== '');
  return `indentation of ${parts.join(' and ')} on every line`;
}

/** What was taken off, for the report. */
export function describeWrapping(w: Wrapping): string[] {
  const out: string[] = [];
  if (w.envelope !== null) out.push(w.envelope.name);
  for (const p of w.prefixes) out.push(p.name);
  if (w.shared !== '') out.push(`a prefix every line shares (${JSON.stringify(w.shared)})`);
  if (w.ansi) out.push('ANSI colour codes');
  if (w.crlf) out.push('CRLF line ends');
  if (w.quote) out.push('Markdown "> " quoting');
  if (w.indent !== '') out.push(describeIndent(w.indent));
  if (w.doubleSpaced) out.push('a blank line after every line (double-spaced paste)');
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

/** `line` without `pattern` when it starts with it; the same string when not. */
function without(line: string, pattern: RegExp): string {
  const m = pattern.exec(line);
  return m !== null && m.index === 0 ? line.slice(m[0].length) : line;
}

/**
 * Takes the per-line wrapping off one line of the (unwrapped) text. The
 * user's --strip prefix goes first when the line starts with it, else after
 * the detected stamps (it may sit inside them).
 */
export function cleanLine(line: string, w: Wrapping, custom: RegExp | null): string {
  let s = line;
  if (w.crlf && s.endsWith('\r')) s = s.slice(0, -1);
  if (w.ansi && s.includes('\u001b')) s = s.replace(ANSI, '');
  let own = custom === null;
  if (custom !== null) {
    const before = s;
    s = without(s, custom);
    own = s !== before;
  }
  for (const p of w.prefixes) s = without(s, p.pattern);
  if (!own) s = without(s, custom!);
  if (w.shared !== '' && s.startsWith(w.shared)) s = s.slice(w.shared.length);
  if (w.quote && s.startsWith('>')) s = s.replace(QUOTE, '');
  if (w.indent !== '' && s.startsWith(w.indent)) s = s.slice(w.indent.length);
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
 * Stamps are found one layer at a time (up to three), after the user's
 * --strip prefix, which adds to the detection.
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
  let stripped = lines.map((l) => cleanLine(l, base, custom));
  const prefixes: LinePrefix[] = [];
  for (let layer = 0; layer < 3; layer++) {
    const p = bestPrefix(stripped, prefixes);
    if (p === null) break;
    prefixes.push(p);
    stripped = stripped.map((l) => without(l, p.pattern));
  }
  const shared = sharedPrefix(stripped);
  if (shared !== '') stripped = stripped.map((l) => (l.startsWith(shared) ? l.slice(shared.length) : l));
  const quote = fits(stripped, (l) => l.startsWith('>'));
  if (quote) stripped = stripped.map((l) => l.replace(QUOTE, ''));
  const fence = stripped.some((l) => FENCE.test(l));
  const indent = commonIndent(stripped);
  if (indent !== '') stripped = stripped.map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l));
  return { envelope, crlf, ansi, prefixes, shared, quote, indent, doubleSpaced: isDoubleSpaced(stripped), fence };
}

/** The stamp most sample lines start with, when it fits most of them (one not taken yet). */
function bestPrefix(lines: readonly string[], taken: readonly LinePrefix[]): LinePrefix | null {
  let best = 0;
  let prefix: LinePrefix | null = null;
  for (const p of LINE_PREFIXES) {
    if (taken.includes(p)) continue;
    const hits = lines.filter((l) => p.pattern.test(l)).length;
    if (hits > best && fits(lines, (l) => p.pattern.test(l))) {
      best = hits;
      prefix = p;
    }
  }
  return prefix;
}

/** Share of non-blank sample lines that must start with a shared prefix. */
const SHARED_SHARE = 0.9;

/**
 * A prefix no known stamp matches that (nearly) every non-blank line starts
 * with, ending at a separator (`<app-7> `, `myhost: `, `web | `): a log
 * prefix gdump does not know, taken off rather than losing every frame. A
 * dump's own lines share no such start.
 */
function sharedPrefix(lines: readonly string[]): string {
  const text = lines.filter((l) => l.trim() !== '');
  if (text.length < 4) return '';
  const need = Math.ceil(text.length * SHARED_SHARE);
  // The candidate is the first line's start up to a separator; the longest one enough lines share wins.
  const first = text[0]!;
  let best = '';
  for (let i = 0; i < Math.min(first.length, 80); i++) {
    const c = first[i]!;
    if (c !== ' ' && c !== '|' && c !== ']' && c !== ':' && c !== '>') continue;
    let end = i + 1;
    while (first[end] === ' ') end++;
    const candidate = first.slice(0, end);
    if (candidate.trim().length < 2 || /^\s/.test(candidate)) continue;
    if (text.filter((l) => l.startsWith(candidate)).length >= need) best = candidate;
    else break;
  }
  return best;
}

/** Lines the runtime starts at the left margin: goroutine and profile headers, calls, `created by`, profile records, settings and `#` lines. */
const MARGIN_LINE = /^(?:goroutine \d+ .*\]:|created by \S|\S+ profile: |--- \w+:|\d[\d :[\]]* @|#[\t ]|cycles\/second=|sampling period=|[^\s(]+\(.*\)$)/;

/** A goroutine or profile header. */
const HEADER_LINE = /^(?:goroutine \d+ .*\]:|\S+ profile: |--- \w+:)/;

/**
 * The whitespace the runtime's left-margin lines share when they are all
 * indented alike (a dump inside test output, a paste indented as a block):
 * the commonest indentation of those lines, when most have it.
 */
function commonIndent(lines: readonly string[]): string {
  const counts = new Map<string, number>();
  const headed = new Set<string>();
  let margin = 0;
  for (const l of lines) {
    const text = l.trimStart();
    if (!MARGIN_LINE.test(text)) continue;
    margin++;
    const indent = l.slice(0, l.length - text.length);
    counts.set(indent, (counts.get(indent) ?? 0) + 1);
    if (HEADER_LINE.test(text)) headed.add(indent);
  }
  let indent = '';
  let most = 0;
  for (const [k, n] of counts) if (n > most) [indent, most] = [k, n];
  // A dump's own header must carry it: a race report indents its frames by two spaces, and that is its form, not a paste's.
  return margin >= 2 && most / margin >= MAJORITY && headed.has(indent) ? indent : '';
}

/**
 * A blank line after every line (some web pages copy a paste so): counted
 * from the first non-blank line, every second line is blank, and the lines
 * between are mostly not. A dump's own blank lines come out doubled.
 */
function isDoubleSpaced(lines: readonly string[]): boolean {
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return false;
  let pairs = 0;
  let blankSecond = 0;
  let textFirst = 0;
  for (let i = first; i + 1 < lines.length; i += 2) {
    pairs++;
    if (lines[i + 1]!.trim() === '') blankSecond++;
    if (lines[i]!.trim() !== '') textFirst++;
  }
  return pairs >= 4 && blankSecond === pairs && textFirst * 2 > pairs;
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
