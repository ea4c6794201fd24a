/**
 * The parallel parse gives what the one-pass parse gives: a file cut at
 * goroutine headers into parts, the parts loaded and folded on worker
 * threads and merged (src/cli/run/parallel.ts), must give the same
 * snapshots (counts, lines, messages, warnings, skipped lines) and the same
 * groups (keys, counts, states, waits, ids, labels, representatives with
 * their input lines) as the file read in one pass, in JSON. Checked on
 * every fixture under fixtures/ (cut into 2, 3 and 7 parts, read one after
 * the other on the test's thread; those that are not a plain traceback dump
 * must be turned down, and then the one-pass read is what runs), and on a
 * 3,000-goroutine dump from fixtures/gen/many cut into 40 parts read by
 * worker threads, every nominal cut falling inside a goroutine.
 */
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { GoroutineFolder } from '../../src/analysis/fold.js';
import type { GroupBy, Similarity } from '../../src/analysis/keys.js';
import { goroutineCuts } from '../../src/input/cuts.js';
import { load, type Loaded } from '../../src/input/load.js';
import { fileSource } from '../../src/input/source.js';
import type { Goroutine } from '../../src/model/goroutine.js';
import { loadParallel } from '../../src/cli/run/parallel.js';
import { goSkip, manyDump } from '../helpers/go.js';
import { FIXTURES } from '../helpers/paths.js';

function fixtureFiles(dir = FIXTURES): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      if (name !== '.cache' && name !== 'gen') out.push(...fixtureFiles(file));
    } else if (!name.endsWith('.json') && !name.endsWith('.md')) out.push(file);
  }
  return out;
}

/** What a load and its fold hold: each snapshot's counts and lines, and its groups whole (ids, states, labels, the representative goroutine with its input line). */
function jsonOf(loaded: Loaded, folder: GoroutineFolder): string {
  return JSON.stringify({
    lines: loaded.result.lines,
    stripped: loaded.stripped ?? [],
    snapshots: loaded.result.snapshots.map((s) => ({
      kind: s.kind,
      format: s.format,
      total: s.total,
      firstLine: s.firstLine,
      lastLine: s.lastLine,
      messages: s.messages,
      warnings: s.warnings,
      skipped: s.skipped,
      groups: (s.kind === 'traceback' ? (folder.result(s)?.groups ?? []) : []).map((g) => ({ ...g, states: [...g.states], representative: g.representative.source as Goroutine })),
    })),
  });
}

async function onePass(file: string, by: GroupBy, similarity: Similarity): Promise<string> {
  const folder = new GoroutineFolder({ by, similarity });
  return jsonOf(await load(await fileSource(file), { onGoroutine: folder.onGoroutine }), folder);
}

/** The parallel read's JSON, or null when it turned the file down. */
async function inParts(file: string, by: GroupBy, similarity: Similarity, parts: number, threads = false): Promise<string | null> {
  const folder = new GoroutineFolder({ by, similarity });
  const spec = { by, similarity, focus: null, ignore: null };
  const loaded = await loadParallel(await fileSource(file), spec, folder, { onGoroutine: folder.onGoroutine }, { parts, minBytes: 0, threads });
  return loaded === null ? null : jsonOf(loaded, folder);
}

const GROUPINGS: [GroupBy, Similarity][] = [
  ['site', 'pointers'],
  ['stack', 'exact'],
  ['state', 'pointers'],
];

describe('parallel parse equals the one-pass parse', () => {
  it('every fixture, in 2, 3 and 7 parts, site / stack / state grouping', async () => {
    const files = fixtureFiles();
    assert.ok(files.length >= 40, `expected the fixtures under ${FIXTURES}, found ${files.length}`);
    const merged = new Set<string>();
    for (const file of files) {
      for (const [by, similarity] of GROUPINGS) {
        let expected: string | null = null;
        for (const parts of [2, 3, 7]) {
          const got = await inParts(file, by, similarity, parts);
          if (got === null) continue;
          merged.add(file);
          expected ??= await onePass(file, by, similarity);
          assert.equal(got, expected, `${path.relative(FIXTURES, file)} in ${parts} parts, --group-by ${by} --similarity ${similarity}`);
        }
      }
    }
    // The plain traceback dumps (runtime.Stack and debug=2 of the leak, aged, states and crash programs) are cut;
    // profiles, debug=1 text and binary files are turned down.
    assert.ok(merged.size >= 10, `only ${merged.size} fixtures took the parallel path: ${[...merged].join(', ')}`);
    for (const file of merged) assert.doesNotMatch(file, /\.(debug1\.txt|pb\.gz)$/, `${file} is not a traceback dump`);
  });

  it('a 3,000-goroutine dump in 40 parts, every cut inside a goroutine, on worker threads', { skip: goSkip() }, async () => {
    const dump = manyDump(3000);
    const size = statSync(dump).size;
    const parts = 40;
    const cuts = goroutineCuts(dump, size, Array.from({ length: parts }, () => 1));
    assert.equal(cuts.length, parts - 1);
    cuts.forEach((cut, i) => {
      const nominal = Math.floor((size * (i + 1)) / parts);
      assert.ok(cut > nominal, `cut ${i + 1} at byte ${cut}: the goroutine around byte ${nominal} must straddle it`);
    });
    for (const [by, similarity] of GROUPINGS) {
      const got = await inParts(dump, by, similarity, parts, true);
      assert.ok(got !== null, 'a plain traceback dump is cut');
      assert.equal(got, await onePass(dump, by, similarity), `--group-by ${by} --similarity ${similarity}`);
    }
  });
});
