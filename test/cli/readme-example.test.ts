/** The README shows a real run; this keeps it true to what gdump prints (formatting only: counts are checked against truth elsewhere). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { REPO } from '../helpers/paths.js';

it('README "What it prints" is the output of its command', () => {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## What it prints'));
  const command = /`node bin\/gdump\.cjs ([^`]+)`/.exec(section);
  assert.ok(command, 'the section names its command');
  const shown = /```\n([\s\S]*?)```\n/.exec(section)![1]!;
  const r = runCli(command[1]!.split(' '));
  assert.equal(r.code, 0);
  assert.equal(shown, r.stdout);
});
