/** `t`: a group's spawn chain in the TUI, against the chain the spawn program recorded. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { currentPage, visibleDoc } from '../../src/tui/state.js';
import { fixture } from '../helpers/paths.js';
import { modelOf, press, startState } from './support.js';

it('t on the watchers group shows main → tickLoop → update → fetch → watch with the recorded counts; Enter on a creator opens its group', () => {
  const truth = JSON.parse(readFileSync(fixture('spawn', 'spawn-ancestors.truth.json'), 'utf8')) as { chain: { child: string; count: number }[] };
  const model = modelOf(fixture('spawn', 'spawn-ancestors.debug2.txt'));
  // The list starts on the biggest group: the 30 watchers.
  let s = press(model, startState(model), 't');
  assert.equal(currentPage(s).page.kind, 'chain');
  const doc = visibleDoc(model, s);
  const lines = Array.from({ length: doc.length }, (_, i) => doc.line(i).segments.map((x) => x.text).join(''));
  const chain = lines.slice(1, 6);
  assert.match(chain[0]!, /^main\.main/);
  for (const [i, e] of truth.chain.entries()) assert.match(chain[i + 1]!, new RegExp(`└─ ${e.count} started: ${e.child.replace('.', '\\.')} `), chain.join('\n'));
  assert.match(chain[4]!, /\(30 alive\)$/);
  assert.match(chain[3]!, /\(6 exited\)$/);
  // Up to the update site (alive): Enter opens its group.
  s = press(model, s, 'k', 'k', 'enter');
  assert.equal(currentPage(s).page.kind, 'group');
  assert.match(visibleDoc(model, s).line(0).segments.map((x) => x.text).join(''), /^main\.update /);
});
