/**
 * Wait ages ("[chan receive, 2 minutes]") and their shift in a diff, on the
 * aged program's two dumps (fixtures/gen/aged): goroutines that waited 1
 * minute, then the same ones at 2 minutes beside a newer batch at 1 minute
 * and a batch too young for an age (under a minute: `<1-2 min`, JSON min 0).
 * The truth files say, per go statement, how many goroutines had waited how
 * many minutes by the program's clock.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDump } from '../../grammar/parse.js';
import { diffSnapshots } from '../../src/diff/diff.js';
import { fixture } from '../helpers/paths.js';
import { runCli } from '../helpers/cli.js';
import { readTruth, type TruthSite } from '../helpers/truth.js';
import { goroutinesOf } from '../helpers/snapshots.js';

interface AgedSite extends TruthSite {
  /** Minutes waited → goroutines. */
  waitMinutes: Record<string, number>;
}

const BEFORE = fixture('aged', 'aged-before.txt');
const AFTER = fixture('aged', 'aged-after.txt');
const sitesOf = (file: string): AgedSite[] => readTruth(file.replace(/\.txt$/, '.truth.json')).sites as AgedSite[];
const snapshotOf = (file: string) => parseDump(readFileSync(file, 'utf8')).snapshots[0]!;

/** The range the truth's minutes span, as gdump writes a wait: `2 min`, `1-2 min`, or `<1-2 min` (0: no age printed yet). */
function range(site: AgedSite): string {
  const minutes = Object.keys(site.waitMinutes).map(Number);
  const [min, max] = [Math.min(...minutes), Math.max(...minutes)];
  const low = min === 0 ? '<1' : String(min);
  return min === max ? `${min} min` : `${low}-${max} min`;
}

describe('wait ages', () => {
  it('each goroutine has the age the program counted, in both dumps', () => {
    for (const file of [BEFORE, AFTER]) {
      const snapshot = snapshotOf(file);
      for (const site of sitesOf(file)) {
        const ages: Record<string, number> = {};
        for (const g of goroutinesOf(snapshot)) {
          if (g.createdBy?.func.full !== site.createdBy || !g.frames.some((f) => f.func.full === site.entry)) continue;
          // The runtime prints no age under a minute; the truth counts those at 0.
          const key = String(g.waitMinutes ?? 0);
          ages[key] = (ages[key] ?? 0) + 1;
        }
        assert.deepEqual(ages, site.waitMinutes, `${file}: ${site.scenario}`);
      }
    }
  });

  it('diff: each site’s ages before and after, in the library, --json and the WAIT column', () => {
    const result = diffSnapshots([snapshotOf(BEFORE), snapshotOf(AFTER)]);
    const before = sitesOf(BEFORE);
    const after = sitesOf(AFTER);
    for (const a of after) {
      const b = before.find((x) => x.scenario === a.scenario)!;
      const site = result.sites.find((s) => s.entry?.func.full === a.entry)!;
      assert.equal(site.delta, a.count - b.count, a.scenario);
      const ages = (t: AgedSite) => Object.keys(t.waitMinutes).map(Number);
      assert.deepEqual([site.points[0]!.waitMin, site.points[0]!.waitMax], [Math.min(...ages(b)), Math.max(...ages(b))], `${a.scenario} before`);
      assert.deepEqual([site.points[1]!.waitMin, site.points[1]!.waitMax], [Math.min(...ages(a)), Math.max(...ages(a))], `${a.scenario} after`);
    }
    const json = JSON.parse(runCli(['diff', BEFORE, AFTER, '--json']).stdout) as { sites: { entry: { function: string } | null; waitMinutes: ({ min: number; max: number } | null)[] }[] };
    for (const a of after) {
      const b = before.find((x) => x.scenario === a.scenario)!;
      const ages = (t: AgedSite) => Object.keys(t.waitMinutes).map(Number);
      const site = json.sites.find((s) => s.entry?.function === a.entry)!;
      assert.deepEqual(site.waitMinutes, [b, a].map((t) => ({ min: Math.min(...ages(t)), max: Math.max(...ages(t)) })), `${a.scenario} --json`);
    }
    const main = json.sites.find((s) => s.entry?.function === 'main.main')!;
    assert.deepEqual(main.waitMinutes, [null, null], 'main is running: no wait age');
    const r = runCli(['diff', BEFORE, AFTER]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\bWAIT\b/);
    for (const a of after) {
      const b = before.find((x) => x.scenario === a.scenario)!;
      const row = r.stdout.split('\n').find((l) => l.includes(a.entry) && !l.startsWith('  ! '));
      assert.ok(row, `${a.entry} in\n${r.stdout}`);
      assert.ok(row.includes(`${range(b)} → ${range(a)}`), `${a.scenario}: ${row}`);
    }
  });

  it('goroutines with no age count as under a minute: the WAIT column and --json of one dump', () => {
    const sites = sitesOf(AFTER);
    const young = sites.find((t) => t.waitMinutes['0'] !== undefined);
    assert.ok(young, 'the aged program left a batch with no age');
    const r = runCli([AFTER]);
    // The table row (the likely-leaks section above it names the site too).
    const row = r.stdout.split('\n').find((l) => /^\s+\d+\s+[\d.]+%/.test(l) && l.includes(young.entry))!;
    assert.ok(row.includes(range(young)) && range(young).startsWith('<1-'), row);
    const json = JSON.parse(runCli([AFTER, '--json']).stdout) as { groups: { entry: { function: string } | null; waitMinutes: { min: number; max: number } | null }[] };
    const group = json.groups.find((g) => g.entry?.function === young.entry)!;
    const ages = Object.keys(young.waitMinutes).map(Number);
    assert.deepEqual(group.waitMinutes, { min: 0, max: Math.max(...ages) });
  });
});
