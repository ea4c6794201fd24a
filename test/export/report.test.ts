/**
 * The HTML report without a browser: what it embeds (groups, not
 * goroutines: small for 20,000 goroutines), how dump text is embedded, and
 * where it may be written.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { embedJson, escapeHtml, renderReportHtml } from '../../src/render/html/page.js';
import type { ReportData } from '../../src/render/html/data.js';
import { runCli } from '../helpers/cli.js';
import { buildGoProgram, goSkip } from '../helpers/go.js';
import { CACHE, fixture } from '../helpers/paths.js';
import { readTruth } from '../helpers/truth.js';

/** The JSON a report embeds. */
function embedded(html: string): ReportData {
  const m = /<script type="application\/json" id="gdump-data">([^<]*)<\/script>/.exec(html);
  assert.ok(m, 'the data element');
  return JSON.parse(m[1]!) as ReportData;
}

function reportOf(args: string[]): string {
  const r = runCli(args);
  assert.equal(r.code, 0, r.stderr);
  return r.stdout;
}

describe('the HTML report', () => {
  it('embeds each grouping the CLI makes, with the CLI\'s counts', () => {
    const data = embedded(reportOf(['report', fixture('leak', 'after.txt')]));
    const s = data.snapshots[0]!;
    assert.deepEqual(Object.keys(s.groupings), ['site', 'stack', 'top', 'state']);
    const cli = JSON.parse(runCli([fixture('leak', 'after.txt'), '--json', '--top', '0']).stdout) as { groups: { count: number }[] };
    assert.deepEqual(s.groupings.site!.map((g) => g.v[0]), cli.groups.map((g) => g.count));
    assert.equal(s.total, readTruth(fixture('leak', 'after.truth.json')).numGoroutine);
  });

  it('--format html on the default command writes the same report as gdump report', () => {
    const a = embedded(reportOf(['report', fixture('leak', 'after.txt')]));
    const b = embedded(reportOf([fixture('leak', 'after.txt'), '--format', 'html']));
    assert.deepEqual({ ...a, generated: '' }, { ...b, generated: '' });
  });

  it('several snapshots: every snapshot and the diff of their sites', () => {
    const data = embedded(reportOf(['report', fixture('leak', 'before.txt'), fixture('leak', 'after.txt')]));
    assert.equal(data.snapshots.length, 2);
    const watcher = data.diff!.sites.find((s) => s.t.startsWith('main.watchZkName'))!;
    const count = (name: string) => readTruth(fixture('leak', `${name}.truth.json`)).sites.find((s) => s.entry === 'main.watchZkName')!.count;
    assert.deepEqual(watcher.counts, [count('before'), count('after')]);
  });

  it('heap profiles: the diff of allocation sites in bytes in use, as the leak program counted them', () => {
    const data = embedded(reportOf(['report', fixture('leak', 'heap-before.txt'), fixture('leak', 'heap-after.txt')]));
    const bytes = (name: string) => (readTruth(fixture('leak', `${name}.truth.json`)) as unknown as { watchBuffer: { inuseBytes: number } }).watchBuffer.inuseBytes;
    assert.equal(data.diff!.unit, 'inuse_space');
    assert.deepEqual(data.diff!.sites.find((s) => s.t.startsWith('main.newWatchBuffer '))!.counts, [bytes('before'), bytes('after')]);
  });

  it('gdump diff --format html: the same report, with the diff as the diff command made it (--by top)', () => {
    const inputs = [fixture('leak', 'before.txt'), fixture('leak', 'after.txt')];
    const data = embedded(reportOf(['diff', ...inputs, '--by', 'top', '--format', 'html']));
    const json = JSON.parse(runCli(['diff', ...inputs, '--by', 'top', '--json']).stdout) as { sites: { counts: number[] }[] };
    assert.equal(data.snapshots.length, 2);
    assert.deepEqual(data.diff!.sites.map((s) => s.counts), json.sites.map((s) => s.counts));
  });

  it('dump text cannot close the data element: every < > & is a \\u escape, and the JSON reads back equal', () => {
    const hostile = { label: '</script><script>alert(1)</script><!-- & \u2028' };
    const text = embedJson(hostile);
    assert.doesNotMatch(text, /[<>&\u2028]/);
    assert.deepEqual(JSON.parse(text), hostile);
    assert.equal(escapeHtml('"><img src=x onerror=alert(1)>'), '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    const html = renderReportHtml({ title: '</title><script>alert(1)</script>', generated: '', version: '0', frames: [], snapshots: [], diff: null });
    assert.ok(html.includes('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.equal(html.split('<script').length - 1, 2, 'the data and the viewer, nothing else');
  });

  it('the xss fixture\'s labels reach the data as text, and the page holds them only escaped', () => {
    const html = reportOf(['report', fixture('xss', 'xss.debug1.txt')]);
    assert.doesNotMatch(html, /__gdumpPwned=1<\/script>/);
    const data = embedded(html);
    const labels = data.snapshots[0]!.groupings['label:html']!.map((g) => g.t);
    assert.ok(labels.includes('<script>window.__gdumpPwned=1</script>'), JSON.stringify(labels));
  });

  it('has no reference to the network: no URL is loaded (CSP default-src none)', () => {
    const html = reportOf(['report', fixture('profiles', 'heap.debug1.txt')]);
    assert.doesNotMatch(html, /\b(src|href)=/);
    assert.match(html, /default-src 'none'/);
  });

  it('is refused on a terminal without -o, like --format pprof', () => {
    const r = spawnSync('script', ['-qec', `${process.execPath} ${path.join(fixture('..'), 'bin', 'gdump.cjs')} report ${fixture('leak', 'after.txt')}`, '/dev/null'], { encoding: 'utf8' });
    if (r.error !== undefined) return void console.log('# SKIP script(1) is not installed: the terminal refusal is not tested');
    assert.match(r.stdout, /give -o FILE \(e\.g\. -o report\.html\)/);
    const p = spawnSync('script', ['-qec', `${process.execPath} ${path.join(fixture('..'), 'bin', 'gdump.cjs')} ${fixture('leak', 'after.txt')} --format pprof`, '/dev/null'], { encoding: 'utf8' });
    assert.match(p.stdout, /--format pprof writes binary data: give -o FILE/);
  });
});

const skip = goSkip();
describe('the HTML report of 20,000 goroutines', { skip }, () => {
  it('embeds groups, not goroutines: small, with the counts the program recorded', () => {
    const bin = buildGoProgram('many');
    const dump = path.join(CACHE, 'many-test-20000.debug2.txt');
    const truthFile = dump.replace(/\.txt$/, '.truth.json');
    // The many test makes the same dump; make it here too when this test runs alone.
    let truth;
    try {
      truth = readTruth(truthFile);
    } catch {
      const run = spawnSync(bin, ['-n', '20000', '-out', dump], { encoding: 'utf8', timeout: 120_000 });
      assert.equal(run.status, 0, run.stderr);
      truth = readTruth(truthFile);
    }
    mkdirSync(path.join(CACHE, 'report'), { recursive: true });
    const out = path.join(CACHE, 'report', 'many-20000.html');
    const r = runCli(['report', dump, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    const html = readFileSync(out, 'utf8');
    assert.ok(html.length < 100_000, `${html.length} bytes for ${truth.numGoroutine} goroutines`);
    const site = embedded(html).snapshots[0]!.groupings.site!;
    for (const t of truth.sites) assert.equal(site.find((g) => g.t.startsWith(`${t.entry} `))?.v[0], t.count, t.entry);
  });
});
