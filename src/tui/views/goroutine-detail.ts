/**
 * One goroutine: everything its header says, its full stack, who created it
 * and where, its parent (`p` jumps there when the dump has it) and the
 * goroutines it created (Enter opens one).
 */
import type { Goroutine } from '../../model/goroutine.js';
import { escapeTerminal } from '../../render/escape.js';
import { plural } from '../../render/text.js';
import { BLANK, lazyDoc, plainLine, text, type Doc, type Line } from '../document.js';
import type { TuiModel } from '../model.js';
import { pathsOf, stackOptions, type ViewSettings } from './context.js';
import { creatorLine, stackLines } from './stack.js';
import { appendAll } from '../../lists.js';

function headerFacts(g: Goroutine): string[] {
  const facts = [`state: ${escapeTerminal(g.state)}`];
  if (g.waitMinutes !== null) facts.push(`waiting ${g.waitMinutes} min`);
  if (g.locked) facts.push('locked to thread');
  if (g.flags.length > 0) facts.push(`flags: ${g.flags.map(escapeTerminal).join(', ')}`);
  for (const [k, v] of Object.entries(g.attributes)) facts.push(`${escapeTerminal(k)}: ${escapeTerminal(v)}`);
  return facts;
}

/** The line that says who the parent is and whether `p` can go there. */
export function parentLine(model: TuiModel, g: Goroutine): Line | null {
  if (g.parentId === null) return null;
  const inDump = model.goroutine(g.parentId) !== undefined;
  return inDump
    ? { target: { kind: 'goroutine', id: g.parentId }, segments: [text('parent: '), text(`goroutine ${g.parentId}`, 'bold'), text('  (p or Enter opens it)', 'dim')] }
    : { segments: [text('parent: '), text(`goroutine ${g.parentId}`, 'bold'), text('  (not in this dump: it has exited)', 'dim')] };
}

function childLine(model: TuiModel, id: number, s: ViewSettings): Line {
  const c = model.goroutine(id)!;
  const top = model.classifier.topFrame(c.frames);
  const where = top === null ? '' : `${escapeTerminal(top.func.full)}  ${escapeTerminal(pathsOf(model, s).where(top))}`;
  return { target: { kind: 'goroutine', id }, segments: [text(`  goroutine ${String(id).padEnd(8)}`, 'bold'), text(`${escapeTerminal(c.state).padEnd(16)} `), text(where, 'dim')] };
}

export function goroutineDoc(model: TuiModel, s: ViewSettings, id: number): Doc {
  const g = model.goroutine(id)!;
  const o = stackOptions(model, s);
  const head: Line[] = [];
  head.push(plainLine(headerFacts(g).join(' · '), 'bold'));
  if (g.labels !== null) head.push(plainLine(`labels: ${escapeTerminal(Object.entries(g.labels).map(([k, v]) => `${k}=${v}`).join(' '))}`));
  head.push(plainLine(`input line ${g.line}`, 'dim'));
  head.push(BLANK);
  head.push(plainLine('STACK', 'heading'));
  if (g.stackUnavailable) head.push(plainLine('  (stack unavailable: running on another thread)', 'dim'));
  appendAll(head, stackLines(g.frames, o));
  if (g.elidedFrames !== 0) head.push(plainLine(g.elidedFrames > 0 ? `  … ${g.elidedFrames} frames elided by the runtime` : '  … more frames elided by the runtime', 'dim'));
  if (g.createdBy !== null) head.push(creatorLine(g.createdBy, g.parentId, o));
  const parent = parentLine(model, g);
  if (parent !== null) head.push(parent);
  for (const a of g.ancestors) {
    appendAll(head, [BLANK, plainLine(`ORIGINATING FROM GOROUTINE ${a.id} (tracebackancestors)`, 'heading'), ...stackLines(a.frames, o)]);
    if (a.createdBy !== null) head.push(creatorLine(a.createdBy, a.parentId, o));
  }
  const children = model.children(id);
  head.push(BLANK);
  head.push(plainLine(children.length === 0 ? 'CHILDREN: none in this dump' : `CHILDREN (${plural(children.length, 'goroutine')} it created, Enter opens one)`, 'heading'));
  const title = `${escapeTerminal(model.source)} · goroutine ${id}${s.hideRuntime ? ' · runtime hidden' : ''}`;
  return lazyDoc(title, [], head, children.length, (i) => childLine(model, children[i]!, s), 0);
}
