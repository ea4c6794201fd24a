/**
 * `gdump watch` without a service: wrong arguments are usage errors, and a
 * file target is read again at every interval (a dump that a cron job
 * rewrites), its counts those the leak program recorded.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DiffSiteJson } from '../../src/render/diff.js';
import { runCliAsync } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { readTruth } from '../helpers/truth.js';

describe('gdump watch arguments', () => {
  for (const [args, message] of [
    [['watch', '-'], /standard input can be read only once/],
    [['watch', 'x.txt', '--count', '0'], /--count: expected a whole number of snapshots/],
    [['watch', 'x.txt', '--every', 'soon'], /--every: expected a duration/],
    [['watch', 'x.txt', '--every', '0s'], /--every: expected a duration/],
  ] as const) {
    it(`${args.slice(1).join(' ')}: usage error`, async () => {
      const r = await runCliAsync([...args]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
    });
  }

  it('a heap profile is refused: watch follows goroutine dumps', async () => {
    const r = await runCliAsync(['watch', fixture('leak', 'heap-after.txt'), '--count', '1']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /watch follows goroutine dumps/);
  });

  it('a file target is read at every interval; an unchanged dump shows no growth', async () => {
    const truth = readTruth(fixture('leak', 'after.truth.json'));
    const watcher = truth.sites.find((s) => s.scenario === 'watcher')!;
    const r = await runCliAsync(['watch', fixture('leak', 'after.txt'), '--every', '100ms', '--count', '3', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { sites: DiffSiteJson[]; snapshots: number; saved: string[] };
    assert.equal(out.snapshots, 3);
    assert.deepEqual(out.saved, []);
    const w = out.sites.find((s) => s.entry?.function === watcher.entry && s.createdBy?.line === watcher.goLine);
    assert.deepEqual(w?.counts, [watcher.count, watcher.count, watcher.count]);
    assert.ok(out.sites.every((s) => s.delta === 0 && !s.monotonic));
  });
});
