/**
 * The HTML report in a real browser (headless Chromium): the site table
 * equals the leak fixture's truth, clicks open stacks, the filter and the
 * grouping switch work, the flame view zooms, and a dump whose labels hold
 * `<script>` and attribute-breaking text runs nothing. Screenshots go to the
 * git-ignored fixtures/.cache/report/.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, collectErrors, launch } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { CACHE, fixture, REPO } from '../helpers/paths.js';
import { readTruth } from '../helpers/truth.js';

const skip = browserSkip();
if (skip) console.log(`# SKIP ${skip}`);
const OUT = path.join(CACHE, 'report');

function report(name: string, inputs: string[]): string {
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.html`);
  // Relative to the checkout (where runCli runs), as a user would type them: the report's title shows them.
  const r = runCli(['report', ...inputs.map((i) => path.relative(REPO, i)), '-o', file]);
  assert.equal(r.code, 0, r.stderr);
  return file;
}

async function open(browser: Browser, file: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(`file://${file}`);
  await page.waitForSelector('html[data-ready="1"]', { timeout: 10_000 });
  return { page, errors };
}

/** The site table's rows: [count, title]. */
async function rows(page: Page): Promise<[number, string][]> {
  return page.$$eval('#sites tbody tr.grow', (trs) => trs.map((tr) => [Number(tr.querySelector('td.count')!.textContent!.replace(/,/g, '')), tr.querySelector('td.title')!.textContent!] as [number, string]));
}

describe('the HTML report in headless Chromium', { skip }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  it('leak fixture: site table equals the truth; a click shows the stack; filter, grouping and flame zoom work', async () => {
    const truth = readTruth(fixture('leak', 'after.truth.json'));
    const { page, errors } = await open(browser, report('leak', [fixture('leak', 'after.txt')]));
    const table = await rows(page);
    for (const site of truth.sites) {
      const row = table.find(([, t]) => t.startsWith(`${site.entry}  ← ${site.createdBy} `) && t.endsWith(`${site.goFile}:${site.goLine}`));
      assert.ok(row, `${site.entry} @ ${site.goLine} in ${JSON.stringify(table)}`);
      assert.equal(row[0], site.count);
    }
    assert.equal(table.reduce((n, [c]) => n + c, 0), truth.numGoroutine);
    // Biggest first.
    assert.deepEqual(table.map(([c]) => c), [...table.map(([c]) => c)].sort((a, b) => b - a));

    // A click on the biggest site opens its stack, your frames highlighted, and its go statement.
    await page.click('#sites tbody tr.grow:first-child');
    const frames = await page.$$eval('#sites tr.detail .frame', (fs) => fs.map((f) => [f.className, f.textContent]));
    assert.ok(frames.some(([cls, text]) => cls!.includes('k0') && text!.startsWith('main.watchZkName')), JSON.stringify(frames));
    assert.ok(frames.some(([cls, text]) => cls!.includes('created') && text!.includes('main.FetchZkName') && text!.includes(':170')), JSON.stringify(frames));
    assert.match((await page.textContent('#sites tr.detail'))!, /ids: \d+/);

    await page.screenshot({ path: path.join(OUT, 'leak.png'), fullPage: true });

    // Filter: by function, then by state.
    await page.fill('#filter', 'metricsLoop');
    assert.deepEqual((await rows(page)).map(([c]) => c), [1]);
    await page.fill('#filter', 'select');
    assert.deepEqual(await rows(page), [[2, (await rows(page))[0]![1]]]);
    assert.match((await rows(page))[0]![1], /main\.cacheJanitor/);
    await page.fill('#filter', '');

    // Grouping switch: by state, counts summed as the program's sites say.
    await page.selectOption('#grouping', 'state');
    const byState = new Map<string, number>([['running', 1]]);
    for (const s of truth.sites) byState.set(s.state, (byState.get(s.state) ?? 0) + s.count);
    assert.deepEqual(new Map((await rows(page)).map(([c, t]) => [t, c])), byState);

    // Flame view: a click zooms to the frame (it then spans the whole width).
    const worker = '#flame .fnode[data-name="main.worker"]:not(.anc)';
    assert.doesNotMatch((await page.getAttribute(worker, 'style'))!, /width: 100%/);
    await page.click(worker);
    assert.match((await page.getAttribute(worker, 'style'))!, /left: 0%; width: 100%/);
    assert.equal(await page.$$eval('#flame .fnode[data-name="main.watchZkName"]', (e) => e.length), 0, 'siblings are out of the zoomed view');
    await page.click('#flame .fnode.root');
    assert.equal(await page.$$eval('#flame .fnode[data-name="main.watchZkName"]', (e) => e.length), 1, 'zoomed out again');
    await page.selectOption('#grouping', 'site');
    await page.screenshot({ path: path.join(OUT, 'leak-flame.png'), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('several snapshots: the diff of creation sites with sparklines, the leak flagged in every interval', async () => {
    const inputs = ['series-1', 'series-2', 'series-3'].map((n) => fixture('leak', `${n}.txt`));
    const { page, errors } = await open(browser, report('series', inputs));
    const diff = await page.$$eval('#diff tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => String((td as { textContent: string | null }).textContent))));
    const truths = ['series-1', 'series-2', 'series-3'].map((n) => readTruth(fixture('leak', `${n}.truth.json`)));
    const watcher = diff.find((cells) => cells[5]!.startsWith('main.watchZkName'));
    assert.ok(watcher, JSON.stringify(diff));
    const counts = truths.map((t) => t.sites.find((s) => s.entry === 'main.watchZkName')!.count);
    assert.equal(watcher[0], counts.join(' → '));
    assert.match(watcher[1]!, /↑ every interval/);
    const batch = diff.find((cells) => cells[5]!.startsWith('main.batchJob'))!;
    assert.doesNotMatch(batch[1]!, /every interval/, 'rose and fell: not flagged');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('heap profile: allocation sites by bytes in use, the watcher buffers as the program counted them', async () => {
    const truth = readTruth(fixture('leak', 'after.truth.json')) as unknown as { watchBuffer: { function: string; inuseBytes: number } };
    const { page, errors } = await open(browser, report('heap', [fixture('leak', 'heap-after.txt')]));
    const first = await page.$eval('#sites tbody tr.grow', (tr) => Array.from(tr.querySelectorAll('td'), (td) => String((td as { textContent: string | null }).textContent)));
    assert.match(first[first.length - 1]!, new RegExp(`^${truth.watchBuffer.function.replace('.', '\\.')}`));
    assert.equal(first[0], `${(truth.watchBuffer.inuseBytes / 1024 / 1024).toFixed(1)} MiB`);
    assert.ok((await page.$$('#flame .fnode')).length > 1);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('a long table lists the first 100 sites, and all of them (as gdump --top 0 does) after "show all"', async () => {
    const input = fixture('profiles', 'heap.debug1.txt');
    const all = (JSON.parse(runCli([path.relative(REPO, input), '--json', '--top', '0']).stdout) as { groups: unknown[] }).groups.length;
    assert.ok(all > 100, `${all} sites`);
    const { page, errors } = await open(browser, report('heap-long', [input]));
    assert.equal((await rows(page)).length, 100);
    await page.click('#more');
    assert.equal((await rows(page)).length, all);
    assert.deepEqual(errors, []);
    await page.close();
  });

  for (const input of ['xss.tracebacklabels.stack.txt', 'xss.debug1.txt', 'xss.pb.gz']) {
    it(`hostile labels (${input}) are shown as text and run nothing, even without the page's CSP`, async () => {
      const file = report(`xss-${input}`, [fixture('xss', input)]);
      // Without its Content Security Policy the page relies on escaping alone: a hole would run the hook.
      const bare = file.replace(/\.html$/, '.nocsp.html');
      const html = readFileSync(file, 'utf8');
      assert.match(html, /Content-Security-Policy/);
      writeFileSync(bare, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
      for (const f of [file, bare]) {
        const { page, errors } = await open(browser, f);
        const labelModes = await page.$$eval('#grouping option', (os) => os.map((o) => o.getAttribute('value')!).filter((v) => v.startsWith('label:')));
        assert.equal(labelModes.length, 2, JSON.stringify(labelModes));
        for (const mode of ['site', 'stack', ...labelModes]) {
          await page.selectOption('#grouping', mode);
          const n = (await page.$$('#sites tbody tr.grow')).length;
          for (let i = 0; i < n; i++) await page.click(`#sites tbody tr.grow >> nth=${i}`);
        }
        await page.selectOption('#grouping', 'label:html');
        const text = await page.textContent('#sites');
        assert.ok(text!.includes('<script>window.__gdumpPwned=1</script>'), 'the label is shown as text');
        await page.fill('#filter', '<script>');
        await page.waitForTimeout(50);
        assert.equal(await page.evaluate(() => (globalThis as { __gdumpPwned?: number }).__gdumpPwned), undefined, 'no hook ran');
        assert.equal(await page.$$eval('img', (e) => e.length), 0, 'no element from a label');
        assert.equal(await page.$$eval('script', (e) => e.length), 2, 'only the data and the viewer');
        assert.deepEqual(errors, []);
        await page.close();
      }
    });
  }
});
