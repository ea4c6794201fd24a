/**
 * Group keys (src/analysis/keys.ts): what makes two goroutines the same site,
 * stack or top frame, and that every output spells a site's key one way.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseDump } from '../../grammar/parse.js';
import { FrameClassifier } from '../../src/analysis/frames.js';
import { keyFunctions } from '../../src/analysis/keys.js';
import { goroutineMember, recordMember } from '../../src/analysis/members.js';
import { runJson } from '../helpers/cli.js';
import type { SnapshotJson } from '../helpers/json.js';
import { fixture } from '../helpers/paths.js';
import { goroutinesOf, ofKind } from '../helpers/snapshots.js';
import { readTruth } from '../helpers/truth.js';

const CLASSIFIER = new FrameClassifier('/usr/local/go');
const OPTIONS = { similarity: 'pointers' as const, creators: true, classifier: CLASSIFIER };

/** Two goroutines started by the same `go` statement, with other ids, pointers and pc offsets. */
const TWINS = `goroutine 7 [chan receive]:
main.watch(0xc000010000, 0x5)
\t/srv/main.go:182 +0x1d
created by main.fetch in goroutine 1
\t/srv/main.go:170 +0x2a

goroutine 9 [chan receive, 3 minutes]:
main.watch(0xc000020000, 0x5)
\t/srv/main.go:182 +0x3f
created by main.fetch in goroutine 4
\t/srv/main.go:170 +0x2b
`;

describe('group keys', () => {
  const [a, b] = goroutinesOf(parseDump(TWINS).snapshots[0]).map(goroutineMember);

  it('site: entry ← creator and the go statement; ids, pointers, pc offsets and wait ages are not part of it', () => {
    const site = keyFunctions('site', OPTIONS);
    assert.equal(site.exact(a!), 'main.watch ← main.fetch /srv/main.go:170');
    assert.equal(site.exact(b!), site.exact(a!));
    assert.equal(site.loose(a!), 'main.watch ← main.fetch');
    // Without `created by` to compare (a debug=1 profile takes part), only the entry is left.
    assert.equal(keyFunctions('site', { ...OPTIONS, creators: false }).exact(a!), 'main.watch');
  });

  it('stack: pointer arguments are masked at pointers, kept at exact, dropped at values', () => {
    assert.equal(keyFunctions('stack', OPTIONS).exact(a!), keyFunctions('stack', OPTIONS).exact(b!));
    assert.notEqual(keyFunctions('stack', { ...OPTIONS, similarity: 'exact' }).exact(a!), keyFunctions('stack', { ...OPTIONS, similarity: 'exact' }).exact(b!));
    assert.equal(keyFunctions('stack', { ...OPTIONS, similarity: 'values' }).exact(a!), 'main.watch() /srv/main.go:182\ncreated by main.fetch /srv/main.go:170');
  });

  it('a moved site keeps its loose key: same functions, other lines', () => {
    const moved = goroutinesOf(parseDump(TWINS.replaceAll('main.go:170', 'main.go:175')).snapshots[0]).map(goroutineMember)[0]!;
    const site = keyFunctions('site', OPTIONS);
    assert.notEqual(site.exact(moved), site.exact(a!));
    assert.equal(site.loose(moved), site.loose(a!));
  });

  it("count profiles print runtime.main under the main goroutine, tracebacks don't: both key it as main.main", () => {
    const count = ofKind(parseDump(readFileSync(fixture('leak', 'after.debug1.txt'), 'utf8')).snapshots[0], 'count');
    const keys = count.records.map((r) => keyFunctions('site', { ...OPTIONS, creators: false }).exact(recordMember(r)));
    assert.ok(keys.includes('main.main'), keys.join('\n'));
    assert.ok(!keys.includes('runtime.main'));
  });
});

describe('one spelling of a site key', () => {
  it('gdump --json and gdump diff --json give each site the same key', () => {
    const after = fixture('leak', 'after.txt');
    const analyzed = runJson<SnapshotJson>([after, '--top', '0']);
    const diffed = runJson<{ sites: { key: string; after: number }[] }>(['diff', fixture('leak', 'before.txt'), after, '--top', '0']);
    const truth = readTruth(fixture('leak', 'after.truth.json'));
    assert.equal(analyzed.groups.length, truth.sites.length + 1, 'one group per recorded site, and main');
    for (const g of analyzed.groups) {
      const site = diffed.sites.find((s) => s.key === g.key);
      assert.ok(site !== undefined, `the diff has no site keyed "${g.key}": ${diffed.sites.map((s) => s.key).join(' | ')}`);
      assert.equal(site.after, g.count, g.key);
    }
  });
});
