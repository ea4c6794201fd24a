/**
 * Path shortening (src/render/paths.ts) on a real dump: GOROOT and the
 * module cache are cut off, the user's files lose the directory they share,
 * and --full-paths keeps every path as printed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { classifierFor } from '../../src/analysis/group.js';
import { readText } from '../../src/input/pipeline.js';
import { stacksOf } from '../../src/model/snapshot.js';
import { PathShortener, shortenerOf } from '../../src/render/paths.js';
import { fixture } from '../helpers/paths.js';

const snapshot = readText(readFileSync(fixture('leak', 'after.txt'), 'utf8')).result.snapshots[0]!;
const files = new Set(stacksOf(snapshot).flatMap((g) => g.frames.map((f) => f.file)));
const classifier = classifierFor(snapshot);

describe('shortenerOf a real dump', () => {
  it('cuts GOROOT and the shared directory of the user files', () => {
    const paths = shortenerOf(stacksOf(snapshot), classifier, false);
    const goroot = classifier.goroot;
    assert.ok(goroot !== null);
    for (const file of files) {
      const short = paths.short(file);
      if (file.startsWith(`${goroot}/src/`)) assert.equal(short, file.slice(goroot.length + 5), file);
      else assert.equal(short, file.slice(file.lastIndexOf('/') + 1), `${file}: the program is one directory`);
    }
    assert.equal(paths.short(`${goroot}/src/runtime/proc.go`), 'runtime/proc.go');
  });

  it('keeps every path with --full-paths', () => {
    const paths = shortenerOf(stacksOf(snapshot), classifier, true);
    for (const file of files) assert.equal(paths.short(file), file);
  });
});

describe('PathShortener', () => {
  it('cuts the module cache and the longest directory the user files share, at a directory boundary', () => {
    const paths = new PathShortener('/usr/local/go', ['/srv/app/cmd/api/main.go', '/srv/app/internal/db/pool.go', 'relative.go']);
    assert.equal(paths.short('/root/go/pkg/mod/github.com/x/y@v1.2.0/z.go'), 'github.com/x/y@v1.2.0/z.go');
    assert.equal(paths.short('/srv/app/internal/db/pool.go'), 'internal/db/pool.go');
    assert.equal(paths.short('/srv/application/other.go'), '/srv/application/other.go');
    assert.equal(paths.short('/usr/local/go/src/net/http/server.go'), 'net/http/server.go');
  });
});
