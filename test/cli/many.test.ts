/**
 * 20,000 goroutines from 6 `go` statements, made by fixtures/gen/many at test
 * time (the dump is 8 MB: it goes to the git-ignored fixtures/.cache, never
 * committed). gdump must find exactly the 6 sites with the counts the program
 * recorded.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { runJson } from '../helpers/cli.js';
import { buildGoProgram, goSkip } from '../helpers/go.js';
import { findSite, type SnapshotJson } from '../helpers/json.js';
import { CACHE } from '../helpers/paths.js';
import { readTruth } from '../helpers/truth.js';

const skip = goSkip();
if (skip) console.log(`# SKIP ${skip}`);

describe('20,000 goroutines from 6 go statements', { skip }, () => {
  it('yields exactly the 6 scenario sites with the recorded counts', () => {
    const bin = buildGoProgram('many');
    const out = `${CACHE}/many-test-20000.debug2.txt`;
    const run = spawnSync(bin, ['-n', '20000', '-out', out], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(run.status, 0, run.stderr);
    const truth = readTruth(out.replace(/\.txt$/, '.truth.json'));
    const s = runJson<SnapshotJson>([out, '--top', '0']);
    assert.equal(s.total, truth.numGoroutine);
    assert.equal(truth.sites.length, 6);
    for (const site of truth.sites) {
      const g = findSite(s, site.entry, site.goLine);
      assert.ok(g, site.entry);
      assert.equal(g.count, site.count, site.entry);
      assert.deepEqual(g.states, { [site.state]: site.count });
    }
    // Besides the 6 scenario sites, only the dumping main goroutine.
    const others = s.groups.filter((g) => !truth.sites.some((t) => t.entry === g.entry?.function));
    assert.equal(others.reduce((n, g) => n + g.count, 0), truth.numGoroutine - truth.sites.reduce((n, t) => n + t.count, 0));
    assert.equal(s.groups.length, 6 + others.length);
  });
});
