/**
 * One option table (src/cli/option-table.ts) behind --help, the README's
 * Usage block and the completion scripts: each is checked against it. And
 * the help and completion bugs a first user met: URLs missing from --help,
 * examples broken mid-word, exit 1 documented where --strict is rejected,
 * `[default: []]`, `completion --help` printing the script, unknown flags
 * reported twice, completion without flags for the default command or
 * values for -g.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { completionScript } from '../../src/cli/completion.js';
import { COMMAND_NAMES, OPTIONS, optionsOf, type CommandName } from '../../src/cli/option-table.js';
import { usageText } from '../../src/cli/usage-text.js';
import { runCli } from '../helpers/cli.js';
import { REPO } from '../helpers/paths.js';

const helpArgs = (c: CommandName): string[] => (c === 'gdump' ? ['--help'] : [c, '--help']);

/** The long flags a --help lists in its Options section. */
function helpFlags(help: string): string[] {
  return [...help.matchAll(/^\s+(?:-\w, )?--([\w-]+)/gm)].map((m) => m[1]!);
}

describe('the option table', () => {
  it('gives each command an option name once, with a summary', () => {
    for (const c of COMMAND_NAMES) {
      const names = optionsOf(c).map((o) => o.name);
      assert.deepEqual(names, [...new Set(names)], `${c}: an option declared twice`);
    }
    for (const o of OPTIONS) assert.ok(o.summary.length > 0 && o.summary.length <= 60, `--${o.name}: a summary of 1-60 characters`);
  });

  for (const c of COMMAND_NAMES) {
    it(`is what \`${helpArgs(c).join(' ')}\` lists, aliases and defaults included`, () => {
      const r = runCli(helpArgs(c), { env: { COLUMNS: '200' } });
      assert.equal(r.code, 0, r.stderr);
      const options = r.stdout.slice(r.stdout.indexOf('Options:'), r.stdout.indexOf('Examples:'));
      assert.deepEqual(new Set(helpFlags(options)), new Set([...optionsOf(c).map((o) => o.name), 'help', 'version']));
      for (const o of optionsOf(c)) {
        const row = new RegExp(`^\\s+${o.alias === undefined ? '' : `-${o.alias}, `}--${o.name}\\s`, 'm');
        assert.match(options, row, `--${o.name} with its alias`);
        if (o.default !== undefined && o.defaultDescription === undefined && o.default !== false) {
          assert.ok(options.includes(`[default: ${typeof o.default === 'string' ? `"${o.default}"` : o.default}]`), `--${o.name}'s default`);
        }
      }
    });
  }

  it("is the README's Usage block", () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const block = /## Usage\n\n```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    assert.equal(block.trimEnd(), usageText(), `the README's Usage block should read:\n${usageText()}`);
  });
});

describe('--help', () => {
  it('names URLs as inputs and keeps each example command on one line', () => {
    const r = runCli(['--help'], { env: { COLUMNS: '80' } });
    assert.match(r.stdout, /inputs\s+Dump files, URLs/);
    assert.match(r.stdout, /^ {2}curl -s http:\/\/127\.0\.0\.1:6060\/debug\/pprof\/goroutine\?debug=2 \| gdump$/m);
    assert.match(r.stdout, /^ {2}gdump http:\/\/127\.0\.0\.1:6060$/m);
  });

  it('documents exit 1 only where a check can fail, and no [default: []]', () => {
    const diff = runCli(['diff', '--help']).stdout;
    const watch = runCli(['watch', '--help']).stdout;
    const gdump = runCli(['--help']).stdout;
    assert.match(gdump, /^ {2}1 {2}a check failed: --strict/m);
    assert.match(diff, /^ {2}1 {2}a check failed: --fail-on-growth/m);
    assert.doesNotMatch(diff, /--strict/);
    assert.doesNotMatch(watch, /^ {2}1 /m);
    assert.doesNotMatch(watch, /--strict/);
    assert.doesNotMatch(diff, /\[default: \[\]\]/);
    // And --strict really is rejected by both.
    assert.equal(runCli(['diff', 'a', 'b', '--strict']).code, 2);
  });

  it('reports an unknown flag once, without its camelCase twin', () => {
    const r = runCli(['--bogus-flag', 'x.txt']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim(), 'gdump: Unknown argument: bogus-flag');
  });

  it('completion --help describes the command, not the script', () => {
    const r = runCli(['completion', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /gdump completion \[shell\]/);
    assert.doesNotMatch(r.stdout, /_gdump_complete|complete -/);
  });
});

/** Runs the bash script's completion function for a command line (the last word is being completed). */
function bashComplete(words: string[]): string[] {
  const file = path.join(tmpdir(), `gdump-completion-${process.pid}.bash`);
  writeFileSync(file, completionScript('bash'));
  const list = words.map((w) => `'${w}'`).join(' ');
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', `source ${file}; COMP_WORDS=(${list}); COMP_CWORD=${words.length - 1}; _gdump_complete; printf '%s\\n' "\${COMPREPLY[@]}"`], {
    cwd: REPO,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split('\n').filter((l) => l !== '');
}

const hasShell = (shell: string): boolean => spawnSync(shell, ['-c', 'true']).status === 0;

describe('gdump completion', () => {
  it('prints the bash script by default for bash users, and one for each shell', () => {
    assert.match(runCli(['completion'], { env: { SHELL: '/bin/bash' } }).stdout, /complete .*-F _gdump_complete gdump/);
    assert.match(runCli(['completion', 'zsh']).stdout, /^#compdef gdump/);
    assert.match(runCli(['completion', 'fish']).stdout, /^complete -c gdump /m);
    assert.equal(runCli(['completion', 'tcsh']).code, 2);
  });

  it('bash: the default command\'s flags, -g values, subcommands, directories for --out', { skip: !hasShell('bash') && 'bash is not installed' }, () => {
    const flags = bashComplete(['gdump', '--']);
    for (const o of optionsOf('gdump')) assert.ok(flags.includes(`--${o.name}`), `--${o.name} completes`);
    assert.ok(!flags.some((f) => f.includes('$0') || /^--[a-z]$/.test(f)), `no $0 or --i: ${flags.join(' ')}`);
    assert.deepEqual(bashComplete(['gdump', '-g', '']), ['site', 'stack', 'top', 'state', 'label:']);
    assert.deepEqual(bashComplete(['gdump', '--group-by', 'st']), ['stack', 'state']);
    assert.deepEqual(bashComplete(['gdump', 'diff', '--by', '']), ['site', 'stack', 'top', 'label:']);
    assert.ok(bashComplete(['gdump', 'diff', '--f']).includes('--fail-on-growth'));
    assert.ok(!bashComplete(['gdump', 'diff', '--']).includes('--strict'), 'diff does not take --strict');
    assert.ok(bashComplete(['gdump', 'wa']).includes('watch'));
    assert.deepEqual(bashComplete(['gdump', 'completion', '']), ['bash', 'zsh', 'fish']);
    assert.ok(bashComplete(['gdump', 'watch', 'x', '--out', 'fix']).includes('fixtures'));
  });

  it('zsh and fish: the scripts parse', () => {
    for (const shell of ['zsh', 'fish'] as const) {
      if (!hasShell(shell)) {
        console.log(`# ${shell} is not installed: its completion script is not checked`);
        continue;
      }
      const file = path.join(tmpdir(), `gdump-completion-${process.pid}.${shell}`);
      writeFileSync(file, completionScript(shell));
      const r = spawnSync(shell, ['-n', file], { encoding: 'utf8' });
      assert.equal(r.status, 0, `${shell} -n: ${r.stderr}`);
    }
  });

  it('fish: completes -g values and subcommand flags', { skip: !hasShell('fish') && 'fish is not installed' }, () => {
    const file = path.join(tmpdir(), `gdump-completion-${process.pid}.fish`);
    writeFileSync(file, completionScript('fish'));
    const complete = (line: string): string[] =>
      spawnSync('fish', ['--no-config', '-c', `source ${file}; complete -C '${line}'`], { encoding: 'utf8' })
        .stdout.split('\n')
        .map((l) => l.split('\t')[0]!)
        .filter((l) => l !== '');
    assert.deepEqual(complete('gdump -g ').sort(), ['label:', 'site', 'stack', 'state', 'top']);
    assert.ok(complete('gdump diff --fa').includes('--fail-on-growth'));
    assert.ok(!complete('gdump diff --st').includes('--strict'));
  });
});
