/**
 * The seed incident end to end: the leak service starts a watcher goroutine
 * (and keeps a 64 KiB buffer) on every tick. gdump, fed over real HTTP, must
 * name the watcher site as the one that grows, by exactly the number of ticks
 * the service reports, and find its buffer in the heap profile.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { DiffSiteJson } from '../../src/render/diff.js';
import { runCliAsync, type CliResult } from '../helpers/cli.js';
import { goSkip } from '../helpers/go.js';
import { BIN, REPO } from '../helpers/paths.js';
import { LeakService, siteOf, type LeakTruth } from './service.js';

/** `gdump diff --json` / `gdump watch --json`, as far as these tests read it (the types are the README contract's). */
interface DiffJson {
  sites: DiffSiteJson[];
  saved?: string[];
  snapshots?: number;
}

function json<T>(r: CliResult): T {
  assert.equal(r.code, 0, `gdump failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** The diff site for a truth site: same entry function, `go` statement on the same line. */
function diffSite(d: DiffJson, entry: string, goLine: number): DiffSiteJson {
  const s = d.sites.find((x) => x.entry?.function === entry && x.createdBy?.line === goLine);
  assert.ok(s !== undefined, `no diff site for ${entry} (go statement at line ${goLine}): ${d.sites.map((x) => x.key).join('; ')}`);
  return s;
}

/** The watcher site first, grown by exactly `ticks`; every other site the service counts unchanged. */
function assertIncident(d: DiffJson, truth: LeakTruth, ticks: number): void {
  const watcher = siteOf(truth, 'watcher');
  assert.equal(d.sites[0]?.entry?.function, watcher.entry, `first site: ${d.sites[0]?.key}`);
  assert.equal(diffSite(d, watcher.entry, watcher.goLine).delta, ticks);
  for (const s of truth.sites.filter((x) => x.scenario !== 'watcher')) {
    assert.equal(diffSite(d, s.entry, s.goLine).delta, 0, `${s.entry} changed`);
  }
}

async function dumpText(svc: LeakService): Promise<string> {
  const res = await fetch(svc.url('/debug/pprof/goroutine?debug=2'), { signal: AbortSignal.timeout(20_000) });
  assert.equal(res.status, 200);
  return res.text();
}

describe('the seed incident against the live leak service', { skip: goSkip() }, () => {
  let svc: LeakService;
  let proxy: Server | undefined;
  const dir = mkdtempSync(path.join(tmpdir(), 'gdump-live-'));
  before(async () => {
    svc = await LeakService.start(['-every', '50ms', '-ticks-at-start', '3']);
    await svc.stopTicker();
  });
  after(() => {
    svc?.kill();
    proxy?.closeAllConnections();
    proxy?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gdump diff URL URL around 7 ticks: the watcher first with Δ 7, the other sites Δ 0', async () => {
    // Two URLs of a tiny proxy: /first answers with the dump as it is, /second
    // makes the service run 7 updates first, so the ticks fall between the fetches.
    proxy = createServer((req, res) => {
      void (async () => {
        if (req.url === '/second') await svc.tick(7);
        res.writeHead(200, { 'content-type': 'text/plain' }).end(await dumpText(svc));
      })().catch((e: Error) => res.writeHead(500).end(e.message));
    });
    await new Promise<void>((r) => proxy!.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const before = await svc.truth();
    const d = json<DiffJson>(await runCliAsync(['diff', `${base}/first`, `${base}/second`, '--json']));
    const afterTruth = await svc.truth();
    assert.equal(afterTruth.watchersAlive - before.watchersAlive, 7, 'the service itself reports 7 more watchers');
    assertIncident(d, afterTruth, 7);
  });

  it('gdump diff of two saved dumps around 5 ticks: the same, from files', async () => {
    const first = path.join(dir, 'before.txt');
    const second = path.join(dir, 'after.txt');
    writeFileSync(first, await dumpText(svc));
    const t = await svc.tick(5);
    writeFileSync(second, await dumpText(svc));
    const d = json<DiffJson>(await runCliAsync(['diff', first, second, '--json']));
    assertIncident(d, t, 5);
  });

  it('heap?debug=1 and the binary heap profile agree with the service on the watcher buffers', async () => {
    const truth = await svc.truth();
    const want = truth.watchBuffer;
    assert.equal(want.inuseObjects, truth.watchersAlive);
    for (const endpoint of ['/debug/pprof/heap?debug=1&gc=1', '/debug/pprof/heap?gc=1']) {
      const out = json<{ format: string; groups: { top?: { function: string; file: string; line: number }; inuseBytes?: number; inuseObjects?: number }[] }>(
        await runCliAsync([svc.url(endpoint), '--json']),
      );
      assert.equal(out.format, 'heap', endpoint);
      const g = out.groups.find((x) => x.top?.function === want.function && path.basename(x.top.file) === want.file && x.top.line === want.line);
      assert.ok(g !== undefined, `${endpoint}: no site at ${want.function} ${want.file}:${want.line}`);
      assert.equal(g.inuseObjects, want.inuseObjects, endpoint);
      assert.equal(g.inuseBytes, want.inuseBytes, endpoint);
      assert.equal(out.groups[0], g, `${endpoint}: the watcher buffers hold the most memory`);
    }
  });

  it('gdump watch URL --every 200ms --count 4 --out DIR: 4 dumps saved, the watcher grew in every interval', async () => {
    const out = path.join(dir, 'watch');
    const start = await svc.startTicker(); // a tick every 50 ms: several per 200 ms interval
    const d = json<DiffJson>(await runCliAsync(['watch', svc.base, '--every', '200ms', '--count', '4', '--out', out, '--json']));
    const end = await svc.stopTicker();
    const files = readdirSync(out).sort();
    assert.equal(files.length, 4, files.join(', '));
    for (const f of files) assert.match(f, /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z\.txt$/);
    assert.deepEqual(d.saved?.map((f) => path.basename(f)), files);
    const watcher = siteOf(end, 'watcher');
    const w = diffSite(d, watcher.entry, watcher.goLine);
    assert.equal(d.sites[0], w, 'the watcher site is first');
    assert.equal(w.counts.length, 4);
    assert.ok(w.monotonic, `counts ${w.counts.join(' ')} did not grow in every interval`);
    assert.ok(w.counts[0]! >= start.watchersAlive && w.counts[3]! <= end.watchersAlive, `counts ${w.counts.join(' ')} outside ${start.watchersAlive}..${end.watchersAlive}`);
    for (const s of end.sites.filter((x) => x.scenario !== 'watcher' && x.scenario !== 'batch')) {
      assert.ok(!diffSite(d, s.entry, s.goLine).monotonic, `${s.entry} is steady, not growing`);
    }
    // The saved files are the dumps themselves: gdump diff reads them back to the same series.
    const again = json<DiffJson>(await runCliAsync(['diff', ...files.map((f) => path.join(out, f)), '--json']));
    assert.deepEqual(diffSite(again, watcher.entry, watcher.goLine).counts, w.counts);
  });

  it('watch in a pipe: one line per snapshot naming the growing site, then the diff', async () => {
    await svc.startTicker();
    const r = await runCliAsync(['watch', svc.base, '--every', '200ms', '--count', '3', '--stacks', '0']);
    await svc.stopTicker();
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[0]!, /^snapshot 1 at \d\d:\d\d:\d\d: [\d,]+ goroutines \(0 since the first\); first snapshot$/);
    assert.match(lines[2]!, /^snapshot 3 at .*; grew: main\.watchZkName \+\d+ ↑ every interval/);
    assert.match(r.stdout, /Sites in both/);
  });

  it('Ctrl-C stops the watch, keeps the saved dumps and prints the final diff', async () => {
    const out = path.join(dir, 'interrupted');
    await svc.startTicker();
    const child = spawn(process.execPath, [BIN, 'watch', svc.base, '--every', '200ms', '--out', out], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    const exited = new Promise<number | null>((r) => child.on('close', r));
    for (let i = 0; i < 300 && (stdout.match(/^snapshot \d+/gm) ?? []).length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await exited;
    clearTimeout(timer);
    await svc.stopTicker();
    assert.equal(code, 0, stdout);
    const taken = (stdout.match(/^snapshot \d+/gm) ?? []).length;
    assert.ok(taken >= 2, stdout);
    assert.equal(readdirSync(out).length, taken);
    assert.match(stdout, /Sites in both[\s\S]*main\.watchZkName/);
  });

  it('watch of an unreachable target: one line, exit 4', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const r = await runCliAsync(['watch', `http://127.0.0.1:${port}`, '--every', '200ms', '--count', '2']);
    assert.equal(r.code, 4, r.stderr);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /connection refused/);
  });
});
