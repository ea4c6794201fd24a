/**
 * Race reports of a real `-race` program (fixtures/gen/race), read and
 * grouped by the pair of access sites: as many races, and the same pairs,
 * as the program knows it raced on.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { readRaceReports } from '../../grammar/race.js';
import { groupRaces } from '../../src/analysis/races.js';
import type { RaceAccess } from '../../src/model/race.js';
import { fixture } from '../helpers/paths.js';

interface TruthAccess {
  op: string;
  function: string;
  file: string;
  line: number;
  createdAtLine: number;
}
interface RaceTruth {
  races: { scenario: string; current: TruthAccess; previous: TruthAccess; count: number }[];
}

const truth = JSON.parse(readFileSync(fixture('race', 'race.truth.json'), 'utf8')) as RaceTruth;
const text = readFileSync(fixture('race', 'race.txt'), 'utf8');

function sameAccess(a: RaceAccess, t: TruthAccess, what: string): void {
  assert.equal(a.op, t.op.replace(/^Previous /, '').toLowerCase(), what);
  const leaf = a.frames[0]!;
  assert.equal(leaf.func.full, t.function, what);
  assert.ok(leaf.file.endsWith(`/${t.file}`) && leaf.line === t.line, `${what}: ${leaf.file}:${leaf.line}`);
  if (t.createdAtLine === 0) assert.equal(a.goroutine, null, `${what}: the main goroutine`);
  else assert.equal(a.createdAt[0]?.line, t.createdAtLine, `${what}: created at`);
}

describe('race reports (fixtures/race: a real go run -race program)', () => {
  const read = readRaceReports(text);

  it('every report is read, as many as the detector found and the program raced on', () => {
    assert.deepEqual(read.warnings, []);
    const raced = truth.races.reduce((n, r) => n + r.count, 0);
    assert.equal(read.reports.length, raced);
    assert.equal(read.found, raced);
  });

  it('grouped by the pair of access sites: one group per pair the program made, with both stacks and creation sites', () => {
    const groups = groupRaces(read.reports);
    assert.equal(groups.length, truth.races.length);
    for (const t of truth.races) {
      const g = groups.find((x) => x.current?.func.full === t.current.function && x.previous?.func.full === t.previous.function);
      assert.ok(g !== undefined, `${t.scenario}: ${groups.map((x) => x.key).join(' | ')}`);
      assert.equal(g.reports.length, t.count, t.scenario);
      for (const r of g.reports) {
        sameAccess(r.current, t.current, `${t.scenario} current`);
        sameAccess(r.previous, t.previous, `${t.scenario} previous`);
      }
    }
  });

  it('a report cut off before its previous access is warned about, not dropped silently', () => {
    const cut = text.slice(0, text.indexOf('Previous write'));
    const r = readRaceReports(cut);
    assert.equal(r.reports.length, 0);
    assert.match(r.warnings.map((w) => w.message).join('\n'), /lacks its current or its previous access/);
  });
});
