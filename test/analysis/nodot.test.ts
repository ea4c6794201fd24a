/**
 * A service in a module whose path has no dot (`module myservice`), its
 * goroutines blocked in the standard library: `--group-by top` must name the
 * user's function, as the program recorded it, with and without -trimpath
 * (where no frame shows GOROOT). fixtures/gen/nodot made the dumps.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDump } from '../../grammar/parse.js';
import { classifierFor, groupSnapshot } from '../../src/analysis/group.js';
import { entryFrame } from '../../src/model/goroutine.js';
import { fixture } from '../helpers/paths.js';
import { goroutinesOf, stacksOfKind } from '../helpers/snapshots.js';
import { readTruth, type TruthSite } from '../helpers/truth.js';

type NodotSite = TruthSite & { top: string };

for (const name of ['nodot', 'nodot.trimpath']) {
  const truth = readTruth(fixture('nodot', `${name}.truth.json`));
  const sites = truth.sites as NodotSite[];
  describe(`${name}: module myservice (no dot)`, () => {
    for (const dump of truth.dumps ?? []) {
      it(`${dump}: top frames are the user's functions, counted as the program counted them`, () => {
        const s = parseDump(readFileSync(fixture('nodot', dump), 'utf8')).snapshots[0]!;
        const goroutines = goroutinesOf(s);
        const c = classifierFor(s);
        const tops = new Map<string, number>();
        for (const g of goroutines) {
          if (g.createdBy === null) continue;
          const f = c.topFrame(g.frames)!;
          assert.equal(c.kind(f), 'user', `goroutine ${g.id}: ${f.func.full} at ${f.file}`);
          tops.set(f.func.full, (tops.get(f.func.full) ?? 0) + 1);
          // The standard library's frames stay the standard library's (or the runtime's).
          for (const other of g.frames) if (!other.func.pkg.startsWith('myservice')) assert.notEqual(c.kind(other), 'user', `${other.func.full} at ${other.file}`);
        }
        assert.deepEqual(Object.fromEntries(tops), Object.fromEntries(sites.map((t) => [t.top, t.count])));
        const top = groupSnapshot(stacksOfKind(s), { by: 'top' }).filter((g) => g.key.startsWith('myservice/'));
        assert.deepEqual(top.map((g) => [g.key.split(' ')[0], g.count]).sort(), sites.map((t) => [t.top, t.count]).sort());
        for (const t of sites) {
          const members = goroutines.filter((g) => entryFrame(g.frames)?.func.full === t.entry && g.createdBy?.func.full === t.createdBy && g.createdBy.line === t.goLine);
          assert.equal(members.length, t.count, t.scenario);
        }
      });
    }
  });
}
