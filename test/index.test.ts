/**
 * The README's library examples ("### Library"), run as they stand from the
 * repository's root, with `gdump` resolved to this build: what they print is
 * checked against what the fixture programs recorded at dump time.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { readTruth } from './helpers/truth.js';
import { fixture, REPO } from './helpers/paths.js';

function libraryExamples(): string[] {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Library'), readme.indexOf('\n### ', readme.indexOf('### Library') + 1));
  return [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** Runs one example with `gdump` resolved to the built library; its output, one array of words per line. */
function run(example: string): string[][] {
  const library = pathToFileURL(path.join(REPO, 'dist', 'src', 'index.js')).href;
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'gdump-readme-')), 'example.mjs');
  writeFileSync(file, example.replace(/from 'gdump'/g, `from '${library}'`));
  const r = spawnSync(process.execPath, [file], { cwd: REPO, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout
    .trim()
    .split('\n')
    .map((line) => line.split(' '));
}

/** Sums counts per function: the first word after the count is the key's function. */
function perFunction(lines: string[][], countAt = 0, functionAt = 1): Map<string, number> {
  const sums = new Map<string, number>();
  for (const words of lines) sums.set(words[functionAt]!, (sums.get(words[functionAt]!) ?? 0) + Number(words[countAt]));
  return sums;
}

describe('README library examples', () => {
  const examples = libraryExamples();
  const leak = readTruth(fixture('leak', 'after.truth.json'));
  const profiles = JSON.parse(readFileSync(fixture('profiles', 'profiles.truth.json'), 'utf8')) as {
    heapSites: { function: string; line: number; inuseBytes: number; inuseObjects: number }[];
    contention: { block: { function: string; events: number }[] };
  };

  it('there is one per kind: traceback, count, heap, contention', () => {
    assert.equal(examples.length, 4);
    assert.deepEqual(
      examples.map((e) => /kind === '(\w+)'/.exec(e)?.[1]),
      ['traceback', 'count', 'heap', 'contention'],
    );
  });

  it('traceback: one line per creation site, with the count and go statement the program recorded', () => {
    const lines = run(examples[0]!);
    for (const site of leak.sites) {
      const line = lines.find((w) => w[1] === site.entry && w[3] === site.createdBy && w[4]!.endsWith(`/${site.goFile}:${site.goLine}`));
      assert.ok(line !== undefined, `no line for ${site.entry} ← ${site.createdBy} ${site.goFile}:${site.goLine}:\n${lines.map((w) => w.join(' ')).join('\n')}`);
      assert.equal(Number(line[0]), site.count, site.entry);
    }
  });

  it('count profile: the total is runtime.NumGoroutine, and each function runs as many goroutines as recorded', () => {
    const [header, ...groups] = run(examples[1]!);
    assert.deepEqual(header, ['goroutine-debug1', String(leak.numGoroutine)]);
    const sums = perFunction(groups);
    for (const site of leak.sites) assert.equal(sums.get(site.entry), site.count, site.entry);
  });

  it('heap: bytes and objects in use at each allocation site the program recorded', () => {
    const lines = run(examples[2]!);
    for (const site of profiles.heapSites.filter((s) => s.inuseBytes > 0)) {
      const line = lines.find((w) => w[2] === site.function && w[3]!.endsWith(`:${site.line}`));
      assert.ok(line !== undefined, `no line for ${site.function}`);
      assert.deepEqual([Number(line[0]), Number(line[1])], [site.inuseBytes, site.inuseObjects], site.function);
    }
  });

  it('block: events per function as the program caused them', () => {
    const sums = perFunction(run(examples[3]!), 0, 2);
    for (const site of profiles.contention.block) assert.equal(sums.get(site.function), site.events, site.function);
  });
});
