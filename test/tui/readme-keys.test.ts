/** The README's key table is the keymap's own rendering: the docs cannot drift from the keys. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { keymapMarkdown } from '../../src/tui/keymap.js';
import { REPO } from '../helpers/paths.js';

it('README.md lists exactly the keymap', () => {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  assert.ok(readme.includes(keymapMarkdown().trimEnd()), 'README key table differs from keymapMarkdown(): paste its output into the README');
});
