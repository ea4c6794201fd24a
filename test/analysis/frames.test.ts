/** Frame kinds decide what is dimmed and what "top" means; GOROOT is read off the dump itself. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDump } from '../../grammar/parse.js';
import { FrameClassifier, findGoroot } from '../../src/analysis/frames.js';
import { classifierFor } from '../../src/analysis/group.js';
import { fixture } from '../helpers/paths.js';
import { goroutinesOf } from '../helpers/snapshots.js';

describe('frame kinds', () => {
  it('GOROOT comes from standard-library frames even without runtime ones (default GOTRACEBACK)', () => {
    const [s] = parseDump(readFileSync(fixture('leak', 'after.txt'), 'utf8')).snapshots;
    assert.equal(findGoroot(goroutinesOf(s).flatMap((g) => g.frames)), '/usr/local/go');
  });

  it('Bazel-style GOROOT/src paths and module-cache paths', () => {
    const c = classifierFor(parseDump('goroutine 1 [select]:\nnet/http.(*conn).serve(0x1)\n\tGOROOT/src/net/http/server.go:2009 +0x1\ngithub.com/x/y.(*S).run(0x2)\n\t/root/go/pkg/mod/github.com/x/y@v1.2.3/s.go:9 +0x1\nmain.main()\n\t/app/main.go:3 +0x1\n').snapshots[0]!);
    assert.equal(c.goroot, 'GOROOT');
    const [std, mod, user] = goroutinesOf(parseDump('goroutine 1 [select]:\nnet/http.(*conn).serve(0x1)\n\tGOROOT/src/net/http/server.go:2009 +0x1\ngithub.com/x/y.(*S).run(0x2)\n\t/root/go/pkg/mod/github.com/x/y@v1.2.3/s.go:9 +0x1\nmain.main()\n\t/app/main.go:3 +0x1\n').snapshots[0])[0]!.frames;
    assert.deepEqual([c.kind(std!), c.kind(mod!), c.kind(user!)], ['stdlib', 'user', 'user']);
    assert.equal(c.topFrame([std!, mod!, user!]), mod);
  });

  it('without any GOROOT hint, the standard library\'s package list decides, not a dot in the path', () => {
    const c = new FrameClassifier(null);
    const [rt, std, user, nodot] = goroutinesOf(parseDump('goroutine 1 [select]:\nruntime.gopark(0x1)\n\t/x/proc.go:1 +0x1\nsync.(*Cond).Wait(0x1)\n\t/y/cond.go:2 +0x1\nmain.run()\n\t/app/main.go:3 +0x1\ncorpus/internal/watch.Run()\n\t/app/internal/watch/w.go:9 +0x1\n').snapshots[0])[0]!.frames;
    assert.deepEqual([c.kind(rt!), c.kind(std!), c.kind(user!), c.kind(nodot!)], ['runtime', 'stdlib', 'user', 'user']);
  });

  it('a dotless module under /src/ is not taken for GOROOT', () => {
    const frames = goroutinesOf(parseDump('goroutine 1 [select]:\nmyservice/internal/watch.Run()\n\t/home/u/src/myservice/internal/watch/w.go:9 +0x1\n').snapshots[0])[0]!.frames;
    assert.equal(findGoroot(frames), null);
  });
});
