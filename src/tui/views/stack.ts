/**
 * Stack lines shared by the group, goroutine and profile site views: the user's frames
 * highlighted, the standard library plain, the runtime dimmed, and with `s`
 * the runtime and standard library folded into one "… N frames hidden" line.
 */
import type { FrameClassifier } from '../../analysis/frames.js';
import type { Group } from '../../analysis/group.js';
import type { Frame } from '../../model/frame.js';
import { escapeTerminal } from '../../render/escape.js';
import type { PathShortener } from '../../render/paths.js';
import { BLANK, plainLine, text, type Line, type Style } from '../document.js';
import { groupDigits } from '../../text/numbers.js';
import { appendAll } from '../../lists.js';

export interface StackOptions {
  classifier: FrameClassifier;
  paths: PathShortener;
  hideRuntime: boolean;
}

function frameLine(f: Frame, o: StackOptions): Line {
  const kind = o.classifier.kind(f);
  const style: Style = kind === 'user' ? 'user' : kind === 'runtime' ? 'dim' : 'plain';
  const call = escapeTerminal(f.func.full) + (f.args === '' ? '' : `(${escapeTerminal(f.args)})`);
  const where = escapeTerminal(o.paths.where(f));
  return { segments: [text('  '), text(call, style), text(where === '' ? '' : '  ' + where, kind === 'user' ? 'plain' : 'dim')] };
}

/** One line per frame, leaf first; hidden frames fold into a count line where they were. */
export function stackLines(frames: readonly Frame[], o: StackOptions): Line[] {
  const lines: Line[] = [];
  let hidden = 0;
  const flush = (): void => {
    if (hidden > 0) lines.push(plainLine(`  … ${hidden} runtime/stdlib frame${hidden === 1 ? '' : 's'} hidden (s shows)`, 'dim'));
    hidden = 0;
  };
  for (const f of frames) {
    if (o.hideRuntime && o.classifier.kind(f) !== 'user') {
      hidden++;
      continue;
    }
    flush();
    lines.push(frameLine(f, o));
  }
  flush();
  return lines;
}

/** `created by F in goroutine N  file:line`. */
export function creatorLine(createdBy: Frame, parentId: number | null, o: StackOptions): Line {
  const parent = parentId === null ? '' : ` in goroutine ${parentId}`;
  return {
    segments: [text('created by ', 'dim'), text(escapeTerminal(createdBy.func.full), o.classifier.kind(createdBy) === 'user' ? 'user' : 'plain'), text(parent), text('  ' + escapeTerminal(o.paths.where(createdBy)), 'dim')],
  };
}

/** A histogram row: label, count, bar. */
export function histogramLine(label: string, count: number, max: number, labelWidth: number): Line {
  const width = 20;
  const cells = max > 0 ? Math.max(1, Math.round((count / max) * width)) : 0;
  return { segments: [text('  ' + label.padEnd(labelWidth) + '  '), text(groupDigits(count).padStart(7), 'count'), text('  ' + '█'.repeat(cells), 'accent')] };
}

/** A profile site's labels and the stack of its first record; the others merged into the site differ below its frame. */
export function recordLines(group: Group, o: StackOptions): Line[] {
  const rep = group.representative;
  const lines: Line[] = [];
  if (rep.labels !== null) lines.push(plainLine(`labels: ${escapeTerminal(Object.entries(rep.labels).map(([k, v]) => `${k}=${v}`).join(' '))}`));
  lines.push(BLANK, plainLine(`STACK (record at input line ${rep.source.line})`, 'heading'));
  if (rep.frames.length === 0) lines.push(plainLine('  (no frames)', 'dim'));
  appendAll(lines, stackLines(rep.frames, o));
  if (group.count > 1) lines.push(BLANK, plainLine(`${group.count} records merged into this site (their stacks differ below it)`, 'dim'));
  return lines;
}
