/**
 * OSC 8 links on file:line: to file:// of the full path, percent-encoded
 * (dump text is untrusted), only where asked or known to work, and closed
 * even when a line is cut to the terminal's width.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileUrl, linkerFor, supportsHyperlinks } from '../../src/render/hyperlinks.js';
import { displayWidth, fitToWidth } from '../../src/render/width.js';
import { runCli } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { readTruth } from '../helpers/truth.js';

const LINK = /\u001b\]8;;(file:\/\/[^\u001b]*)\u001b\\([^\u001b]*)\u001b\]8;;\u001b\\/g;

describe('hyperlinks', () => {
  it('--hyperlinks always links each frame and creator location to its file', () => {
    const truth = readTruth(fixture('leak', 'after.truth.json'));
    const watcher = truth.sites.find((s) => s.entry === 'main.watchZkName')!;
    const out = runCli([fixture('leak', 'after.txt'), '--hyperlinks', 'always', '--stacks', '1']).stdout;
    const links = [...out.matchAll(LINK)];
    assert.ok(links.length >= 2, out);
    for (const [, url, text] of links) {
      assert.match(url!, /^file:\/\/\/.*\/main\.go$/);
      assert.match(text!, /^main\.go:\d+$/);
    }
    assert.ok(links.some(([, , text]) => text === `${watcher.goFile}:${watcher.goLine}`), 'the creation site is linked');
  });

  it('never, and auto on a pipe, print no link', () => {
    assert.doesNotMatch(runCli([fixture('leak', 'after.txt'), '--hyperlinks', 'never']).stdout, /\u001b\]8/);
    assert.doesNotMatch(runCli([fixture('leak', 'after.txt')]).stdout, /\u001b\]8/);
    assert.equal(runCli([fixture('leak', 'after.txt'), '--hyperlinks', 'sometimes']).code, 2);
  });

  it('auto: only on a terminal known to show links, not inside tmux', () => {
    const tty = { isTTY: true };
    assert.equal(linkerFor('auto', tty, { TERM_PROGRAM: 'iTerm.app' }) !== null, true);
    assert.equal(linkerFor('auto', { isTTY: false }, { TERM_PROGRAM: 'iTerm.app' }), null);
    assert.equal(linkerFor('auto', tty, { TERM: 'xterm-256color' }), null);
    assert.equal(supportsHyperlinks({ TERM_PROGRAM: 'iTerm.app', TMUX: '/tmp/tmux-0/default,1,0' }), false);
  });

  it('percent-encodes the path: no control character reaches the terminal', () => {
    assert.equal(fileUrl('/src/a b/x\u001b]8;;evil\u0007.go'), 'file:///src/a%20b/x%1B%5D8%3B%3Bevil%07.go');
    assert.equal(fileUrl('C:\\src\\main.go'), 'file:///C:/src/main.go');
    assert.equal(fileUrl('main.go'), null);
  });

  it('a line cut inside a link still closes it', () => {
    const line = `  main.f  \u001b]8;;file:///a/main.go\u001b\\main.go:12345\u001b]8;;\u001b\\`;
    const cut = fitToWidth(line, 14);
    assert.equal(displayWidth(cut), 14);
    assert.ok(cut.endsWith('…\u001b]8;;\u001b\\'), JSON.stringify(cut));
  });
});
