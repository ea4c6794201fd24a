/**
 * `--json` on an input of several snapshots is written one snapshot at a
 * time (src/cli/run/analyze.ts); the text must still be exactly what
 * JSON.stringify(…, null, 2) prints for the whole object.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';

describe('--json with several snapshots', () => {
  it('prints the JSON.stringify text of { snapshots: [...] }', () => {
    // Two dumps one after the other: the repeated goroutine ids start a second snapshot.
    const two = readFileSync(fixture('leak', 'before.txt'), 'utf8') + readFileSync(fixture('leak', 'after.txt'), 'utf8');
    const r = runCli(['-', '--json'], { input: two });
    assert.equal(r.code, 0, r.stderr);
    const parsed = JSON.parse(r.stdout) as { snapshots: { total: number }[] };
    assert.equal(parsed.snapshots.length, 2);
    assert.equal(r.stdout, JSON.stringify(parsed, null, 2) + '\n');
  });
});
