/** The command line a user meets first: help lists every command, completion works, versions agree. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { REPO } from '../helpers/paths.js';

it('--help lists every command with examples and the exit codes', () => {
  const r = runCli(['--help']);
  assert.equal(r.code, 0);
  for (const command of ['gdump diff', 'gdump watch', 'gdump completion']) assert.match(r.stdout, new RegExp(command));
  assert.match(r.stdout, /Examples:/);
  assert.match(r.stdout, /Exit codes:\n\s+0 /);
});

it('completion prints a shell script that completes gdump', () => {
  const r = runCli(['completion', 'bash']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /complete .*gdump/);
});

it('--version is the package version', () => {
  const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
  assert.equal(runCli(['--version']).stdout.trim(), pkg.version);
  assert.equal(runCli(['-V']).stdout.trim(), pkg.version);
});
