/** `e`: the reducer asks for the frame where the group waits; the editor command opens its local file at that line. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { it } from 'node:test';
import { SourceFiles } from '../../src/input/source-files.js';
import { editorCommand } from '../../src/tui/editor.js';
import { fixture, FIXTURES } from '../helpers/paths.js';
import { modelOf, press, startState } from './support.js';

it('e on the watchers group asks for main.watchZkName at its line; the command is $EDITOR +LINE with the file found through --path-map', () => {
  const model = modelOf(fixture('leak', 'after.txt'));
  const s = press(model, startState(model), 'enter', 'e');
  assert.ok(s.edit !== null);
  assert.equal(s.edit.frame.func.full, 'main.watchZkName');
  const built = s.edit.frame.file.slice(0, s.edit.frame.file.indexOf('fixtures/gen/'));
  const sources = new SourceFiles({ pathMaps: [{ from: `${built}fixtures/gen`, to: path.join(FIXTURES, 'gen') }], localGo: { goroot: null, gomodcache: null } });
  assert.deepEqual(editorCommand(s.edit.frame, sources, { EDITOR: 'nvim -R' }), { command: 'nvim', args: ['-R', `+${s.edit.frame.line}`, path.join(FIXTURES, 'gen', 'leak', 'main.go')] });
  const missing = editorCommand({ ...s.edit.frame, file: '/nowhere/gdump/main.go' }, sources, {});
  assert.ok('error' in missing && /not found on this machine/.test(missing.error), 'a file not on this machine is said so, not opened');
  const again = press(model, s, 'e');
  assert.equal(again.edit!.seq, s.edit.seq + 1, 'a second e opens the editor again');
});
