/**
 * Profile options and names: the endpoint an input name points at (heap and
 * allocs text, block and mutex protos look alike inside), --group-by modes
 * that make no sense for profiles, --focus, and escaping of dump text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDump } from '../../grammar/parse.js';
import { endpointOfName } from '../../src/model/profile.js';
import { runCli, runJson } from '../helpers/cli.js';
import type { SnapshotJson } from '../helpers/json.js';
import { ofKind } from '../helpers/snapshots.js';
import { fixture } from '../helpers/paths.js';

describe('profile kind from the input name', () => {
  it('file names and URL paths', () => {
    assert.equal(endpointOfName('http://127.0.0.1:6060/debug/pprof/allocs?debug=1'), 'allocs');
    assert.equal(endpointOfName('http://127.0.0.1:6060/debug/pprof/mutex'), 'mutex');
    assert.equal(endpointOfName('/tmp/x/allocs.debug1.txt'), 'allocs');
    assert.equal(endpointOfName('heap-sampled.pb.gz'), 'heap');
    assert.equal(endpointOfName('/var/log/allocs/dump.txt'), null, 'only the last path element counts');
    assert.equal(endpointOfName('stdin'), null);
  });

  it('heap text named allocs becomes allocs; other names stay heap', () => {
    const text = readFileSync(fixture('profiles', 'allocs.debug1.txt'), 'utf8');
    assert.equal(parseDump(text).snapshots[0]!.format, 'heap');
    const allocs = ofKind(parseDump(text, { name: 'http://h/debug/pprof/allocs?debug=1' }).snapshots[0], 'heap');
    assert.equal(allocs.format, 'allocs');
    assert.equal(allocs.heap.kindSource, 'input-name');
    const other = ofKind(parseDump(text, { name: 'dump.txt' }).snapshots[0], 'heap');
    assert.equal(other.format, 'heap');
    assert.equal(other.heap.kindSource, 'default');
  });

  it('a binary block or mutex profile takes its kind from the name', () => {
    const bytes = readFileSync(fixture('profiles', 'mutex.pb.gz'));
    assert.equal(runJson<SnapshotJson>(['-'], { input: bytes }).format, 'block');
    assert.equal(runJson<SnapshotJson>([fixture('profiles', 'mutex.pb.gz')]).format, 'mutex');
  });
});

describe('profile options', () => {
  it('--group-by state is a usage error for profiles', () => {
    const r = runCli([fixture('profiles', 'heap.debug1.txt'), '--group-by', 'state']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no goroutine states/);
  });

  it('--focus keeps only the sites with a matching frame', () => {
    const out = runJson<SnapshotJson>([fixture('profiles', 'heap.debug1.txt'), '--focus', '^main\\.allocSmallObjects$', '--top', '0']);
    assert.ok(out.groups.length >= 1);
    for (const g of out.groups) assert.ok(g.frames.some((f) => f.function === 'main.allocSmallObjects'), g.key);
  });

  it('dump text with terminal escapes is escaped in the report', () => {
    const heap = 'heap profile: 1: 64 [1: 64] @ heap/2\n1: 64 [1: 64] @ 0x1\n#\t0x1\tmain.evil\u001b[2J+0x1\t/x/main.go:3\n';
    const r = runCli(['-'], { input: heap });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /\u001b/);
    assert.match(r.stdout, /main\.evil/);
  });
});
