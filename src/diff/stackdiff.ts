/**
 * What changed in a moved site's stack between its first and last snapshot:
 * a character diff (fast-diff, semantically cleaned up) of the two stacks
 * as text, so a reader sees `main.go:17[-0-]{+1+}` instead of two stacks to
 * compare by eye.
 */
import fastDiff from 'fast-diff';
import type { Frame } from '../model/frame.js';
import type { Member } from '../analysis/members.js';
import type { DiffSite } from './diff.js';
import { normalFrames } from '../analysis/keys.js';
import { appendAll } from '../lists.js';

export interface TextChange {
  /** -1 only in the earlier stack, 1 only in the later one, 0 in both. */
  readonly op: -1 | 0 | 1;
  readonly text: string;
}

export type WhereFunction = (f: Frame) => string;

const plainWhere: WhereFunction = (f) => (f.file === '' ? '' : `${f.file}:${f.line}`);

/** A stack as lines of `function  file:line`, without args or pc offsets (they change on every run). */
export function stackText(m: Member, where: WhereFunction = plainWhere, withCreator = true): string {
  const lines = normalFrames(m).map((f) => `${f.func.full}  ${where(f)}`);
  if (withCreator && m.createdBy !== null) lines.push(`created by ${m.createdBy.func.full}  ${where(m.createdBy)}`);
  return lines.join('\n');
}

function charDiff(before: string, after: string): TextChange[] {
  return fastDiff(before, after, undefined, true).map(([op, text]) => ({ op, text }));
}

/**
 * A diff of two stack texts. Stacks with the same number of lines (the
 * usual moved site: same functions, other lines) are compared line by line,
 * so a changed line number never borrows characters from the next frame.
 */
export function diffText(before: string, after: string): TextChange[] {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) return charDiff(before, after);
  const out: TextChange[] = [];
  a.forEach((line, i) => {
    if (i > 0) out.push({ op: 0, text: '\n' });
    appendAll(out, charDiff(line, b[i]!));
  });
  return out;
}

/** The change in a moved site's stack, or null when the site did not move or its stack text is the same. */
export function stackChange(site: DiffSite, where: WhereFunction = plainWhere): TextChange[] | null {
  if (!site.moved) return null;
  const first = site.earliest.representative;
  const last = site.latest.representative;
  // A debug=1 side has no `created by`: showing it as removed would be noise.
  const withCreator = first.createdBy !== null && last.createdBy !== null;
  const before = stackText(first, where, withCreator);
  const after = stackText(last, where, withCreator);
  return before === after ? null : diffText(before, after);
}
