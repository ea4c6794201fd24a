/**
 * The built CLI in a real terminal: tmux runs `cat after.txt | gdump -i`
 * (dump on a pipe, keys from /dev/tty), keys are sent with send-keys and
 * the screen read with capture-pane. Also: without any terminal, -i says
 * so and prints the table.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { BIN, fixture, REPO } from '../helpers/paths.js';
import { PROMPT, TmuxSession, tmuxSkip } from '../helpers/tmux.js';
import { readTruth } from '../helpers/truth.js';

describe('gdump -i in a real terminal', () => {
  it('shows the biggest group first, its stack after Enter, and restores the terminal on q', { skip: tmuxSkip(), timeout: 90_000 }, async (t) => {
    const truth = readTruth(fixture('leak', 'after.truth.json'));
    const biggest = [...truth.sites].sort((a, b) => b.count - a.count)[0]!;
    const term = new TmuxSession('tui');
    const tmux = (...args: string[]): string => term.tmux(...args);
    const screenWhere = (ok: (s: string) => boolean, what: string): Promise<string> => term.screenWhere(ok, what);
    const SESSION = term.target;
    try {
      await term.start();
      tmux('send-keys', '-t', SESSION, `cat ${fixture('leak', 'after.txt')} | NO_COLOR=1 ${process.execPath} ${BIN} -i`, 'Enter');
      const list = await screenWhere((s) => s.includes('SITE (function run'), 'the group list');
      const rows = list.split('\n');
      const first = rows.findIndex((l) => l.includes('COUNT')) + 1;
      assert.match(rows[first]!, new RegExp(`^›\\s+${biggest.count}\\s.*${biggest.entry.replace(/\./g, '\\.')}\\s+← ${biggest.createdBy.replace(/\./g, '\\.')} ${biggest.goFile}:${biggest.goLine}`), 'the biggest group is first, under the cursor');
      t.diagnostic(`group list:\n${list.trimEnd()}`);

      tmux('send-keys', '-t', SESSION, 'Enter');
      const group = await screenWhere((s) => s.includes('MEMBERS ('), 'the group detail');
      assert.match(group, new RegExp(`STACK \\(as goroutine \\d+ shows it\\)\\n\\s+${biggest.entry.replace(/\./g, '\\.')}\\(`));
      assert.match(group, new RegExp(`created by ${biggest.createdBy.replace(/\./g, '\\.')} in goroutine 1\\s+${biggest.goFile}:${biggest.goLine}`));
      t.diagnostic(`group detail:\n${group.trimEnd()}`);

      tmux('send-keys', '-t', SESSION, 'Enter');
      const goroutine = await screenWhere((s) => /· goroutine \d+/.test(s), 'the goroutine detail');
      t.diagnostic(`goroutine detail:\n${goroutine.trimEnd()}`);
      tmux('send-keys', '-t', SESSION, '?');
      const help = await screenWhere((s) => s.includes('keys (any key closes this)'), 'the help overlay');
      t.diagnostic(`help:\n${help.trimEnd()}`);

      tmux('send-keys', '-t', SESSION, 'Escape');
      await screenWhere((s) => !s.includes('keys (any key closes this)'), 'the help to close');
      tmux('send-keys', '-t', SESSION, 'q');
      // The alternate screen is left: the command line and a fresh prompt are back.
      await screenWhere((s) => s.trimEnd().endsWith(PROMPT.trimEnd()) && s.includes('gdump.cjs -i'), 'the prompt after q');
      tmux('send-keys', '-t', SESSION, 'clear; stty -a', 'Enter');
      const stty = await screenWhere((s) => /\bicanon\b/.test(s) || /-icanon/.test(s), 'stty -a');
      assert.match(stty, /(^|\s)icanon(\s|$)/m, 'canonical mode is back on');
      assert.match(stty, /(^|\s)echo(\s|$)/m, 'echo is back on');
      assert.doesNotMatch(stty, /-icanon|(^|\s)-echo(\s|$)/m);
    } finally {
      term.kill();
    }
  });
});

describe('gdump -i without a terminal', () => {
  const hasSetsid = spawnSync('setsid', ['--version'], { encoding: 'utf8' }).status === 0;
  it('says so on stderr and prints the table', { skip: !hasSetsid && 'setsid (util-linux) is not installed' }, () => {
    // A new session (setsid) has no controlling terminal, so /dev/tty cannot be opened.
    const r = spawnSync('setsid', ['--wait', process.execPath, BIN, '-i', fixture('leak', 'after.txt')], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, stdio: 'pipe' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /-i needs a terminal.*printing the table instead/);
    assert.match(r.stdout, /49 goroutines in 6 sites/);
    assert.match(r.stdout, /^\s+40\s+81\.6%\s+chan receive\s+main\.watchZkName/m);
  });

  it('diff -i and a heap profile -i fall back to their text reports', { skip: !hasSetsid && 'setsid (util-linux) is not installed' }, () => {
    const run = (...args: string[]) => spawnSync('setsid', ['--wait', process.execPath, BIN, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, stdio: 'pipe' });
    const diff = run('diff', '-i', fixture('leak', 'before.txt'), fixture('leak', 'after.txt'));
    assert.equal(diff.status, 0, diff.stderr);
    assert.match(diff.stderr, /-i needs a terminal/);
    const watcher = (f: string) => readTruth(fixture('leak', f)).sites.find((t) => t.entry === 'main.watchZkName')!.count;
    assert.match(diff.stdout, new RegExp(`^\\s+${watcher('before.truth.json')}\\s+${watcher('after.truth.json')}\\s+\\+${watcher('after.truth.json') - watcher('before.truth.json')}\\s.*main\\.watchZkName`, 'm'));
    const heap = run('-i', fixture('leak', 'heap-after.txt'));
    assert.equal(heap.status, 0, heap.stderr);
    assert.match(heap.stdout, /heap profile.*sorted by in-use bytes/);
  });
});
