/**
 * Source lines: the dump's paths found on this machine through --path-map,
 * --source-root (for -trimpath module paths), the local GOROOT (for a
 * container's) and GOMODCACHE; the lines shown are those the fixture
 * program recorded for its go statements.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parsePathMap, SourceFiles } from '../../src/input/source-files.js';
import { runCli } from '../helpers/cli.js';
import { goSkip } from '../helpers/go.js';
import { FIXTURES, fixture } from '../helpers/paths.js';
import { readTruth } from '../helpers/truth.js';

const NO_GO = { goroot: null, gomodcache: null };

describe('source files', () => {
  it('--path-map FROM=TO: the labelled dump built in another checkout shows the recorded go statements and where the leaks wait', () => {
    const dump = fixture('labelled', 'labelled.debug2.txt');
    const built = /\t(\/\S*\/)fixtures\/gen\/labelled\/main\.go:/.exec(readFileSync(dump, 'utf8'))![1]!;
    const r = runCli([dump, '--stacks', '0', '--top', '1', '--path-map', `${built}fixtures/gen=${path.join(FIXTURES, 'gen')}`]);
    assert.equal(r.code, 0, r.stderr);
    const source = r.stdout.slice(r.stdout.indexOf('\nSource\n'));
    const truth = readTruth(fixture('labelled', 'labelled.truth.json'));
    for (const entry of ['main.watchName', 'main.awaitBatch', 'main.compute']) {
      const site = truth.sites.find((t) => t.entry === entry)!;
      const fn = entry.slice('main.'.length);
      assert.match(source, new RegExp(`\\n    started at main\\.go:${site.goLine}\\n(?: {6}.*\\n)*? {4}> ${site.goLine} {2} +go ${fn}\\(`), `${entry}: the go statement at line ${site.goLine}`);
    }
    assert.match(source, /\n {4}waits at main\.go:\d+\n(?: {6}.*\n)*? {4}> \d+ {2} +parts\.Wait\(\)\n/, 'awaitBatch waits in parts.Wait()');
  });

  it('a bad --path-map or a missing --source-root is a usage error', () => {
    assert.equal(runCli([fixture('leak', 'after.txt'), '--path-map', 'nothing-to-map']).code, 2);
    assert.equal(runCli([fixture('leak', 'after.txt'), '--source-root', '/no/such/dir/here']).code, 2);
    assert.deepEqual(parsePathMap('C:/a=b=/c'), { from: 'C:/a=b', to: '/c' });
  });

  it('--source-root: a -trimpath main-module path is found under the root, its leading elements dropped', () => {
    const files = new SourceFiles({ roots: [path.join(FIXTURES, 'gen')], localGo: NO_GO });
    assert.equal(files.resolve('gdumpfixtures/labelled/main.go'), path.join(FIXTURES, 'gen', 'labelled', 'main.go'));
    assert.equal(files.resolve('gdumpfixtures/labelled/nothere.go'), null);
  });

  it('module cache paths from another machine, and -trimpath module paths, are found in the local GOMODCACHE', () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'gdump-modcache-'));
    mkdirSync(path.join(cache, 'example.com', 'm@v1.2.3'), { recursive: true });
    writeFileSync(path.join(cache, 'example.com', 'm@v1.2.3', 'a.go'), 'package m\n\nfunc A() {\n\tselect {}\n}\n');
    const files = new SourceFiles({ localGo: { goroot: null, gomodcache: cache } });
    assert.deepEqual(files.lines('/home/ci/go/pkg/mod/example.com/m@v1.2.3/a.go', 4, 1), [
      { number: 3, text: 'func A() {' },
      { number: 4, text: '\tselect {}' },
      { number: 5, text: '}' },
    ]);
    assert.equal(files.resolve('example.com/m@v1.2.3/a.go'), path.join(cache, 'example.com', 'm@v1.2.3', 'a.go'));
  });

  it("a container's GOROOT is read from the local `go env GOROOT`", { skip: goSkip() }, () => {
    const goroot = spawnSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).stdout.trim();
    const files = new SourceFiles({ dumpGoroot: '/opt/container/go' });
    assert.equal(files.resolve('/opt/container/go/src/runtime/proc.go'), path.join(goroot, 'src', 'runtime', 'proc.go'));
  });
});
