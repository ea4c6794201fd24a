/**
 * The line kinds of every text format gdump reads. The runtime writes these
 * formats a line at a time, so gdump makes one token per line: the kind is
 * decided here once per line by looking at a few characters (no regular
 * expression on the hot path), and tokenizeLines (tokens.ts) turns the kind
 * into the line's token, with no Chevrotain Lexer and no matcher per token.
 *
 * Samples (see ../shared/FORMATS.md for the versions that print them):
 *
 *   GoroutineHeader   goroutine 7 [chan receive, 12 minutes]:
 *                     goroutine 1 gp=0xc000006000 m=0 mp=0xb08f00 [running]:
 *   CallLine          main.fetchName.func2(0xc000010000, {0x5?, 0x2?})
 *   LocationLine      \t/srv/app/main.go:96 +0x5d fp=0xc0 sp=0xc0 pc=0x4a  (or without its tab, pasted)
 *   CreatedByLine     created by main.fetchName in goroutine 6
 *   FramesElidedLine  ...53 frames elided...   |   ...additional frames elided...
 *   AncestorHeader    [originating from goroutine 5]:
 *   StackUnavailable  \tgoroutine running on other thread; stack unavailable
 *   ProfileHeader     goroutine profile: total 414  |  heap profile: 7: 1056 [62: 16440] @ heap/1048576  |  --- mutex:
 *   ProfileSetting    cycles/second=2800000000  |  sampling period=1
 *   ProfileRecord     395 @ 0x43a1b6 0x44b0c5   |  1: 512 [1: 512] @ 0x42b7d5  |  93750 3 @ 0x4a
 *   ProfileFrame      #\t0x6a2f30\tmain.fetchName.func2+0x50\t/srv/app/main.go:96
 *   ProfileLabels     # labels: {"worker":"zk"}
 *   ProfileComment    # runtime.MemStats  |  # Alloc = 1234
 *   BlankLine         (empty, or only spaces)
 *   OtherLine         anything else: log lines, `panic: …`, register dumps, prose
 */
export const enum LineKind {
  BlankLine,
  GoroutineHeader,
  CallLine,
  LocationLine,
  CreatedByLine,
  FramesElidedLine,
  AncestorHeader,
  StackUnavailable,
  ProfileHeader,
  ProfileSetting,
  ProfileRecord,
  ProfileFrame,
  ProfileLabels,
  ProfileComment,
  OtherLine,
}

const TAB = 9;
const SPACE = 32;
const CR = 13;
const HASH = 35;
const DOT = 46;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const CLOSE_PAREN = 41;
const COLON = 58;
const OPEN_PAREN = 40;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Where the line's text ends: before `\n`, and before a `\r` of CRLF input. */
export function contentEnd(text: string, start: number, lineEnd: number): number {
  return lineEnd > start && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
}

function startsWithAt(text: string, at: number, prefix: string): boolean {
  return text.startsWith(prefix, at);
}

/**
 * `needle` within [from, end): a bounded indexOf. Lines are read in place
 * inside a chunk of many lines, and an unbounded search for something the
 * line lacks would scan the rest of the chunk.
 */
export function findIn(text: string, needle: string, from: number, end: number): number {
  const first = needle.charCodeAt(0);
  const last = end - needle.length;
  for (let i = from; i <= last; i++) {
    if (text.charCodeAt(i) === first && text.startsWith(needle, i)) return i;
  }
  return -1;
}

/** The last `code` in [from, end), or -1 (a loop: lines are short, and a native lastIndexOf is a runtime call). */
export function lastIn(text: string, code: number, from: number, end: number): number {
  for (let i = end - 1; i >= from; i--) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/**
 * Where the location proper (`path:line`) ends in a location line's content
 * [from, end): at ` +0x` (the pc offset), else at ` fp=` (registers), else at the end.
 */
export function locationStop(text: string, from: number, end: number): number {
  // The native search for the first space usually lands on ` +0x` at once; paths with spaces take the loop.
  const space = text.indexOf(' ', from);
  if (space < 0 || space >= end) return end;
  if (startsWithAt(text, space + 1, '+0x')) return space;
  for (let i = space; i < end; i++) {
    if (text.charCodeAt(i) === SPACE && (startsWithAt(text, i + 1, '+0x') || startsWithAt(text, i + 1, 'fp='))) {
      // ` fp=` before any ` +0x` only ends it when no ` +0x` follows (the runtime prints the offset first).
      if (text.charCodeAt(i + 1) === 43 /* + */ || findIn(text, ' +0x', i + 1, end) < 0) return i;
    }
  }
  return end;
}

/** Where the leading tabs and spaces of the line [start, end) end. */
export function indentEnd(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && (text.charCodeAt(i) === TAB || text.charCodeAt(i) === SPACE)) i++;
  return i;
}

/** `path:12` then optionally ` +0x1d` and ` fp= sp= pc=`, from `i`; the colon before the line number, or -1. */
function locationColon(text: string, i: number, end: number): number {
  const stop = locationStop(text, i, end);
  const colon = lastIn(text, COLON, i, stop);
  if (colon <= i || colon === stop - 1) return -1;
  for (let j = colon + 1; j < stop; j++) if (!isDigit(text.charCodeAt(j))) return -1;
  return colon;
}

/**
 * `\t/path/file.go:12`, optionally followed by ` +0x1d` and ` fp= sp= pc=`.
 * Leading spaces are accepted too: copy-paste turns tabs into spaces.
 */
function isLocation(text: string, start: number, end: number): boolean {
  const i = indentEnd(text, start, end);
  if (i === start || i === end) return false;
  return locationColon(text, i, end) >= 0;
}

/**
 * A location line that lost its tab (a paste without indentation):
 * `/srv/app/main.go:96 +0x5d`. Without the tab only a path the runtime
 * prints counts: absolute (`/…`, `C:/…`, `C:\…`), or a file ending `.go`,
 * `.s` or `.c` (-trimpath), or `<autogenerated>`, `??`; and no space in it,
 * so prose such as `see main.go:12` stays prose.
 */
function isBareLocation(text: string, start: number, end: number): boolean {
  const colon = locationColon(text, start, end);
  if (colon < 0) return false;
  const space = text.indexOf(' ', start);
  if (space >= 0 && space < colon) return false;
  const c = text.charCodeAt(start);
  if (c === 47 /* / */) return true;
  if (text.charCodeAt(start + 1) === COLON && (text.charCodeAt(start + 2) === 47 || text.charCodeAt(start + 2) === 92 /* \ */)) return true;
  const path = text.slice(start, colon);
  return path.endsWith('.go') || path.endsWith('.s') || path.endsWith('.c') || path === '<autogenerated>' || path === '??';
}

/** `goroutine N ...]:` — the header may be glued onto prose before it (`…stacksgoroutine 1 [running]:`). */
export function headerStart(text: string, start: number, end: number): number {
  if (end - start < 14) return -1;
  if (text.charCodeAt(end - 1) !== COLON || text.charCodeAt(end - 2) !== CLOSE_BRACKET) return -1;
  let at = start;
  if (!startsWithAt(text, start, 'goroutine ')) {
    at = findIn(text, 'goroutine ', start, end);
    if (at < 0) return -1;
  }
  return isDigit(text.charCodeAt(at + 10)) ? at : -1;
}

/** `pkg.fn(args)`: no space before the last `(`, ends with `)`. */
function isCall(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(end - 1) !== CLOSE_PAREN) return false;
  const open = lastIn(text, OPEN_PAREN, start, end - 1);
  if (open <= start) return false;
  // Native searches: a space or tab before the `(` makes it prose, not a call.
  const space = text.indexOf(' ', start);
  if (space >= 0 && space < open) return false;
  const tab = text.indexOf('\t', start);
  return tab < 0 || tab >= open;
}

/** `N @ 0x…`, `a: b [c: d] @ 0x…`, `cycles count @ 0x…`: digits first, then an ` @`. */
function isRecord(text: string, start: number, end: number): boolean {
  const at = findIn(text, ' @', start, end);
  if (at < 0) return false;
  return at + 2 === end || text.charCodeAt(at + 2) === SPACE;
}

function isProfileHeader(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(start) === 45 /* - */) {
    return startsWithAt(text, start, '--- ') && text.charCodeAt(end - 1) === COLON;
  }
  const p = findIn(text, ' profile: ', start, end);
  if (p < 0) return false;
  for (let i = start; i < p; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB || c === COLON) return false;
  }
  return true;
}

/**
 * Decides the kind of the line whose content is [start, end) of `text`
 * (`end` is before its `\n` or `\r\n`); searches stay within the line.
 */
export function classifyLine(text: string, start: number, end: number): LineKind {
  if (start === end) return LineKind.BlankLine;
  const c = text.charCodeAt(start);
  if (c === TAB || c === SPACE) {
    if (isLocation(text, start, end)) return LineKind.LocationLine;
    const i = indentEnd(text, start, end);
    if (i === end) return LineKind.BlankLine;
    if (startsWithAt(text, i, 'goroutine running on other thread')) return LineKind.StackUnavailable;
    // A header a paste indented (` goroutine profile: total 5`): read from its first character on (tokens.ts).
    if (isProfileHeader(text, i, end)) return LineKind.ProfileHeader;
    return startsWithAt(text, i, 'goroutine ') && headerStart(text, i, end) === i ? LineKind.GoroutineHeader : LineKind.OtherLine;
  }
  if (c === HASH) {
    const next = text.charCodeAt(start + 1);
    if (next === TAB || next === SPACE) {
      let i = start + 1;
      while (i < end && (text.charCodeAt(i) === TAB || text.charCodeAt(i) === SPACE)) i++;
      if (startsWithAt(text, i, '0x')) return LineKind.ProfileFrame;
      if (startsWithAt(text, i, 'labels:')) return LineKind.ProfileLabels;
    }
    return LineKind.ProfileComment;
  }
  if (isDigit(c)) {
    if (isRecord(text, start, end)) return LineKind.ProfileRecord;
    return headerStart(text, start, end) >= 0 ? LineKind.GoroutineHeader : LineKind.OtherLine;
  }
  if (c === DOT) {
    if (startsWithAt(text, start, '...') && end - start >= 12 && text.endsWith('elided...', end)) return LineKind.FramesElidedLine;
    return LineKind.OtherLine;
  }
  if (c === OPEN_BRACKET) {
    return startsWithAt(text, start, '[originating from goroutine ') && text.charCodeAt(end - 1) === COLON
      ? LineKind.AncestorHeader
      : LineKind.OtherLine;
  }
  if (startsWithAt(text, start, 'created by ')) return LineKind.CreatedByLine;
  if (startsWithAt(text, start, 'goroutine ')) {
    if (headerStart(text, start, end) >= 0) return LineKind.GoroutineHeader;
    // Its tab lost in a paste.
    if (startsWithAt(text, start, 'goroutine running on other thread')) return LineKind.StackUnavailable;
  }
  if (isProfileHeader(text, start, end)) return LineKind.ProfileHeader;
  if (startsWithAt(text, start, 'cycles/second=') || startsWithAt(text, start, 'sampling period=')) {
    return LineKind.ProfileSetting;
  }
  if (isCall(text, start, end)) return LineKind.CallLine;
  if (headerStart(text, start, end) >= 0) return LineKind.GoroutineHeader;
  return isBareLocation(text, start, end) ? LineKind.LocationLine : LineKind.OtherLine;
}

