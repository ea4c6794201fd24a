/**
 * Streaming gives the same answer as parsing whole: a dump bigger than the
 * parser's chunk size, fed in small pieces and folded into groups as it is
 * parsed (goroutines dropped), must produce the JSON that parsing it in one
 * chunk and grouping every kept goroutine produces. Checked in-process with
 * a tiny chunk size on real dumps, and end to end with gdump on a
 * 3,000-goroutine dump from fixtures/gen/many piped through stdin (64 KiB
 * pipe reads, 1 MiB parser chunks) against the file read with --keep-all,
 * and against the sites the Go program counted. No timing is asserted here;
 * speed is `npm run bench`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DumpReader, parseDump } from '../../grammar/parse.js';
import { GoroutineFolder } from '../../src/analysis/fold.js';
import { kindOf } from '../../src/kinds/index.js';
import type { Snapshot } from '../../src/model/snapshot.js';
import { runCli } from '../helpers/cli.js';
import { goSkip, manyDump } from '../helpers/go.js';
import type { GroupJson, SnapshotJson } from '../helpers/json.js';
import { FIXTURES, HAS_REALWORLD, REALWORLD } from '../helpers/paths.js';
import { readTruth } from '../helpers/truth.js';
import { goroutinesIn } from '../helpers/snapshots.js';

const CHUNK = 4096;
const PIECE = 1000;

/** The CLI's JSON of every snapshot (each through its kind), with the goroutines folded as they were read or kept. */
function json(snapshots: readonly Snapshot[], folder: GoroutineFolder | null): string {
  const report = { groupBy: undefined, similarity: 'pointers' as const, filter: {}, sample: undefined, folder, stripped: [] };
  return JSON.stringify(snapshots.map((s) => kindOf(s).json(s, report)));
}

function whole(text: string): string {
  return json(parseDump(text, { chunkSize: text.length + 1 }).snapshots, null);
}

function streamed(text: string): { json: string; kept: number } {
  const folder = new GoroutineFolder({});
  const reader = new DumpReader({ chunkSize: CHUNK, onGoroutine: folder.onGoroutine });
  for (let at = 0; at < text.length; at += PIECE) reader.push(text.slice(at, at + PIECE));
  const r = reader.end();
  const kept = r.snapshots.reduce((n, s) => n + goroutinesIn(s).length, 0);
  return { json: json(r.snapshots, folder), kept };
}

/** Real traceback dumps at least ten chunks long. */
function bigDumps(): string[] {
  const dirs = [path.join(FIXTURES, 'crash'), path.join(FIXTURES, 'states'), path.join(FIXTURES, 'leak'), ...(HAS_REALWORLD ? [REALWORLD] : [])];
  const out: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) {
      const file = path.join(dir, f);
      if (f.endsWith('.txt') && statSync(file).size > 10 * CHUNK) out.push(file);
    }
  }
  return out;
}

describe('streaming equals parsing whole', () => {
  it('in process: 1000-character pieces, 4 KiB chunks, goroutines folded and dropped', () => {
    const files = bigDumps();
    assert.ok(files.length >= 3, `expected real dumps over ${10 * CHUNK} bytes, found ${files.join(', ')}`);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const s = streamed(text);
      assert.equal(s.kept, 0, `${file}: folded goroutines must not be kept`);
      assert.equal(s.json, whole(text), `${file}: streamed JSON differs from the whole parse`);
    }
  });

  it('end to end: gdump reading stdin (folded) prints what gdump --keep-all prints for the file, and the Go program\'s sites', { skip: goSkip() }, () => {
    const dump = manyDump(3000);
    const text = readFileSync(dump);
    assert.ok(text.length > 2 << 20, `the dump must span several 1 MiB chunks (${text.length} bytes)`);
    const piped = runCli(['--json'], { input: text });
    const kept = runCli([dump, '--json', '--keep-all']);
    assert.equal(piped.code, 0, piped.stderr);
    assert.equal(kept.code, 0, kept.stderr);
    assert.equal(piped.stdout, kept.stdout);

    const json = JSON.parse(piped.stdout) as SnapshotJson;
    const truth = readTruth(dump.replace(/\.txt$/, '.truth.json'));
    assert.equal(json.total, truth.numGoroutine);
    for (const site of truth.sites) {
      const g = (json.groups as GroupJson[]).find((x) => x.createdBy?.line === site.goLine && x.entry?.function === site.entry);
      assert.ok(g !== undefined, `no group for ${site.scenario} (${site.entry} started at ${site.goFile}:${site.goLine})`);
      assert.equal(g.count, site.count, site.scenario);
      assert.deepEqual(g.states, { [site.state]: site.count }, site.scenario);
    }
  });
});
