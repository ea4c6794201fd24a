/**
 * Chevrotain tokens: one token type per line kind (lines.ts), one token per
 * input line, so the parser's rules read as the runtime's line grammar.
 *
 * The tokens come from one scan over the chunk rather than from Chevrotain's
 * Lexer, which asks each token's matcher in turn at every offset and needs a
 * sliced string per token as its image (that slice alone costs as much as
 * the `split('\n')` floor the benchmark measures). Here each line is
 * classified once, in place, and its token is a reused object holding
 * offsets into the chunk: no string is cut from a line unless a field reader
 * or a warning needs it. A token's payload is its 1-based input line.
 */
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import { classifyLine, contentEnd, indentEnd, LineKind } from './lines.js';
import type { FramePair, FramePairs } from './pairs.js';

function lineToken(name: string): TokenType {
  // Lexer.NA: these types are never matched by a Chevrotain Lexer (tokenizeLines makes the tokens).
  return createToken({ name, pattern: Lexer.NA });
}

export const LocationLine = lineToken('LocationLine');
export const CallLine = lineToken('CallLine');
export const BlankLine = lineToken('BlankLine');
export const GoroutineHeader = lineToken('GoroutineHeader');
export const CreatedByLine = lineToken('CreatedByLine');
export const ProfileFrame = lineToken('ProfileFrame');
export const ProfileRecord = lineToken('ProfileRecord');
export const ProfileLabels = lineToken('ProfileLabels');
export const FramesElidedLine = lineToken('FramesElidedLine');
export const AncestorHeader = lineToken('AncestorHeader');
export const StackUnavailable = lineToken('StackUnavailable');
export const ProfileHeader = lineToken('ProfileHeader');
export const ProfileSetting = lineToken('ProfileSetting');
export const ProfileComment = lineToken('ProfileComment');
/** Any other line: the catch-all that keeps unknown text from breaking a parse. */
export const OtherLine = lineToken('OtherLine');

export const allTokens: TokenType[] = [
  LocationLine,
  CallLine,
  BlankLine,
  GoroutineHeader,
  CreatedByLine,
  ProfileFrame,
  ProfileRecord,
  ProfileLabels,
  FramesElidedLine,
  AncestorHeader,
  StackUnavailable,
  ProfileHeader,
  ProfileSetting,
  ProfileComment,
  OtherLine,
];

/** The token type of each LineKind, indexed by the kind. */
const TYPE_OF_KIND: TokenType[] = [];
TYPE_OF_KIND[LineKind.BlankLine] = BlankLine;
TYPE_OF_KIND[LineKind.GoroutineHeader] = GoroutineHeader;
TYPE_OF_KIND[LineKind.CallLine] = CallLine;
TYPE_OF_KIND[LineKind.LocationLine] = LocationLine;
TYPE_OF_KIND[LineKind.CreatedByLine] = CreatedByLine;
TYPE_OF_KIND[LineKind.FramesElidedLine] = FramesElidedLine;
TYPE_OF_KIND[LineKind.AncestorHeader] = AncestorHeader;
TYPE_OF_KIND[LineKind.StackUnavailable] = StackUnavailable;
TYPE_OF_KIND[LineKind.ProfileHeader] = ProfileHeader;
TYPE_OF_KIND[LineKind.ProfileSetting] = ProfileSetting;
TYPE_OF_KIND[LineKind.ProfileRecord] = ProfileRecord;
TYPE_OF_KIND[LineKind.ProfileFrame] = ProfileFrame;
TYPE_OF_KIND[LineKind.ProfileLabels] = ProfileLabels;
TYPE_OF_KIND[LineKind.ProfileComment] = ProfileComment;
TYPE_OF_KIND[LineKind.OtherLine] = OtherLine;

/**
 * A line token. `startOffset` and `endOffset` delimit the line's content in
 * the chunk (end exclusive: before `\n` or `\r\n`); `image` stays empty, the
 * text is read through the offsets. Objects are reused from chunk to chunk,
 * so nothing may keep a token past the parse of its chunk.
 */
class LineToken implements IToken {
  image = '';
  startOffset = 0;
  endOffset = 0;
  tokenTypeIdx = 0;
  tokenType: TokenType = OtherLine;
  payload = 0;
  /** A frame's first line whose two lines were seen before: the frame they make (pairs.ts). */
  pair: FramePair | null = null;
}

const pool: LineToken[] = [];

const TAB = 9;
const SPACE = 32;

function put(tokens: IToken[], start: number, end: number, type: TokenType, line: number, pair: FramePair | null): void {
  const n = tokens.length;
  let t = pool[n];
  if (t === undefined) {
    t = new LineToken();
    pool.push(t);
  }
  t.startOffset = start;
  t.endOffset = end;
  t.tokenType = type;
  t.tokenTypeIdx = type.tokenTypeIdx!;
  t.payload = line;
  t.pair = pair;
  tokens.push(t);
}

/**
 * Tokenizes text[from, to) (whole lines: `to` is after a newline or at the
 * text's end) into one token per line; the first line is numbered
 * `firstLine`. Two lines that make a frame seen before (`pairs`) get their
 * kinds without being classified again. The returned tokens are valid until
 * the next call.
 */
export function tokenizeLines(text: string, firstLine: number, pairs: FramePairs | null = null, from = 0, to = text.length): IToken[] {
  const tokens: IToken[] = [];
  let start = from;
  let line = firstLine;
  const length = to;
  while (start < length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0 || nl > length) nl = length;
    const end = contentEnd(text, start, nl);
    if (pairs !== null && nl + 1 < length && end > start) {
      const c = text.charCodeAt(start);
      // A location line never starts a pair: only call and `created by` lines are looked up.
      if (c !== TAB && c !== SPACE) {
        let nl2 = text.indexOf('\n', nl + 1);
        if (nl2 < 0 || nl2 > length) nl2 = length;
        const end2 = contentEnd(text, nl + 1, nl2);
        const pair = pairs.find(text, start, end2);
        if (pair !== undefined) {
          put(tokens, start, end, pair.first, line++, pair);
          put(tokens, nl + 1, end2, LocationLine, line++, null);
          start = nl2 + 1;
          continue;
        }
      }
    }
    const kind = classifyLine(text, start, end);
    // An indented profile header is read from its first character (a goroutine header is found inside its line anyway).
    const from = kind === LineKind.ProfileHeader ? indentEnd(text, start, end) : start;
    put(tokens, from, end, TYPE_OF_KIND[kind]!, line++, null);
    start = nl + 1;
  }
  return tokens;
}

/** The frame two lines starting at this token make, when they were seen before (tokenizeLines with pairs). */
export function pairOf(token: IToken): FramePair | undefined {
  return (token as LineToken).pair ?? undefined;
}

/** The 1-based input line of a token. */
export function lineOf(token: IToken): number {
  return token.payload as number;
}

/** Where a token's line content ends in its chunk (exclusive; tokenizeLines always sets it). */
export function endOf(token: IToken): number {
  return token.endOffset as number;
}
