/**
 * Chevrotain tokens: one token type per line kind (lines.ts). Each token's
 * image is a whole line with its newline, so a 100 MB dump lexes into one
 * token per line, and the parser's rules read as the runtime's line grammar.
 *
 * The matchers share one classification per line: the first matcher the
 * lexer tries at an offset classifies the line, the others read the cached
 * answer. The same pass numbers the lines; a token's payload is its 1-based
 * input line, which every warning names.
 */
import { createToken, Lexer, type CustomPatternMatcherReturn, type IToken, type TokenType } from 'chevrotain';
import { classifyLine, contentEnd, LineKind, nextLineStart } from './lines.js';

interface LineState {
  text: string;
  offset: number;
  kind: LineKind;
  line: number;
  result: CustomPatternMatcherReturn;
}

const state: LineState = {
  text: '',
  offset: -1,
  kind: LineKind.OtherLine,
  line: 0,
  result: [''] as unknown as CustomPatternMatcherReturn,
};

function classifyAt(text: string, offset: number): LineState {
  if (offset === state.offset && text === state.text) return state;
  const next = nextLineStart(text, offset);
  const line = text.slice(offset, next);
  const lineEnd = line.length > 0 && line.charCodeAt(line.length - 1) === 10 ? line.length - 1 : line.length;
  state.text = text;
  state.offset = offset;
  state.kind = classifyLine(line, contentEnd(line, 0, lineEnd));
  state.line++;
  state.result = [line] as unknown as CustomPatternMatcherReturn;
  state.result.payload = state.line;
  return state;
}

function lineToken(name: string, kind: LineKind): TokenType {
  return createToken({
    name,
    pattern: {
      exec: (text: string, offset: number) => {
        const s = classifyAt(text, offset);
        return s.kind === kind ? s.result : null;
      },
    },
    line_breaks: true,
  });
}

// Ordered by how often each kind occurs in a dump, so the lexer asks few matchers per line.
export const LocationLine = lineToken('LocationLine', LineKind.LocationLine);
export const CallLine = lineToken('CallLine', LineKind.CallLine);
export const BlankLine = lineToken('BlankLine', LineKind.BlankLine);
export const GoroutineHeader = lineToken('GoroutineHeader', LineKind.GoroutineHeader);
export const CreatedByLine = lineToken('CreatedByLine', LineKind.CreatedByLine);
export const ProfileFrame = lineToken('ProfileFrame', LineKind.ProfileFrame);
export const ProfileRecord = lineToken('ProfileRecord', LineKind.ProfileRecord);
export const ProfileLabels = lineToken('ProfileLabels', LineKind.ProfileLabels);
export const FramesElidedLine = lineToken('FramesElidedLine', LineKind.FramesElidedLine);
export const AncestorHeader = lineToken('AncestorHeader', LineKind.AncestorHeader);
export const StackUnavailable = lineToken('StackUnavailable', LineKind.StackUnavailable);
export const ProfileHeader = lineToken('ProfileHeader', LineKind.ProfileHeader);
export const ProfileSetting = lineToken('ProfileSetting', LineKind.ProfileSetting);
export const ProfileComment = lineToken('ProfileComment', LineKind.ProfileComment);
/** Any other line: the catch-all that keeps unknown text from breaking a parse. */
export const OtherLine = lineToken('OtherLine', LineKind.OtherLine);

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

let lexer: Lexer | undefined;

/**
 * Tokenizes `text` (whole lines) into one token per line; the first line is
 * numbered `firstLine`. The lexer is built once, on first use.
 */
export function tokenizeLines(text: string, firstLine: number): IToken[] {
  lexer ??= new Lexer(allTokens, {
    positionTracking: 'onlyOffset',
    ensureOptimizations: false,
    skipValidations: true,
  });
  state.text = '';
  state.offset = -1;
  state.line = firstLine - 1;
  const result = lexer.tokenize(text);
  state.text = '';
  // Every line matches some kind (OtherLine takes the rest), so the lexer has no errors to report.
  return result.tokens;
}

/** The line's text without its newline (and without the `\r` of CRLF input). */
export function lineText(token: IToken): string {
  const image = token.image;
  let end = image.length;
  if (end > 0 && image.charCodeAt(end - 1) === 10) end--;
  if (end > 0 && image.charCodeAt(end - 1) === 13) end--;
  return end === image.length ? image : image.slice(0, end);
}

/** The 1-based input line of a token. */
export function lineOf(token: IToken): number {
  return token.payload as number;
}
