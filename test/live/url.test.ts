/**
 * URL inputs against real processes: the leak service over real HTTP, a real
 * `curl | gdump` shell pipe, and tiny local servers that misbehave.
 * Counts are checked against the service's own counters, never against
 * earlier gdump output.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { runCliAsync, type CliResult } from '../helpers/cli.js';
import { goSkip } from '../helpers/go.js';
import { findSite, snapshotsOf, type OutputJson, type SnapshotJson } from '../helpers/json.js';
import { BIN, REPO } from '../helpers/paths.js';
import { LeakService, type LeakTruth } from './service.js';

const HAS_CURL = spawnSync('curl', ['--version']).status === 0;
if (!HAS_CURL && process.env.CI === 'true') throw new Error('curl is required in CI (.ci/run installs it) but `curl --version` failed');

function parseJson(r: CliResult): SnapshotJson {
  assert.equal(r.code, 0, `gdump failed: ${r.stderr}`);
  const [s] = snapshotsOf(JSON.parse(r.stdout) as OutputJson);
  return s!;
}

/** Every site the service counts has exactly that many goroutines in gdump's report. */
function assertSitesMatch(s: SnapshotJson, truth: LeakTruth): void {
  for (const site of truth.sites) {
    const g = findSite(s, site.entry, site.goLine);
    assert.ok(g !== undefined, `no group for ${site.entry} (go statement at line ${site.goLine})`);
    assert.equal(g.count, site.count, `${site.entry}: gdump counts ${g.count}, the service ${site.count}`);
  }
}

describe('URL inputs against the leak service', { skip: goSkip() }, () => {
  let svc: LeakService;
  let truth: LeakTruth;
  before(async () => {
    svc = await LeakService.start(['-every', '50ms']);
    await new Promise((r) => setTimeout(r, 300)); // let the ticker start some watchers
    truth = await svc.stopTicker(); // from here both sides see the same goroutines
  });
  after(() => svc?.kill());

  it('curl … | gdump --json: the watcher site count is the service\'s watchersAlive', { skip: HAS_CURL ? false : 'curl is not installed' }, () => {
    assert.ok(truth.watchersAlive > 0, 'the ticker started no watcher');
    const url = svc.url('/debug/pprof/goroutine?debug=2');
    const r = spawnSync('sh', ['-c', `curl -sS --max-time 20 '${url}' | '${process.execPath}' '${BIN}' --json`], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000,
    });
    const s = parseJson({ code: r.status, stdout: r.stdout, stderr: r.stderr });
    const watcher = truth.sites.find((x) => x.scenario === 'watcher')!;
    assert.equal(findSite(s, watcher.entry, watcher.goLine)?.count, truth.watchersAlive);
    assertSitesMatch(s, truth);
  });

  it('a bare pprof base fetches the goroutine dump with full stacks (debug=2)', async () => {
    for (const base of [svc.base, `${svc.base}/`, `${svc.base}/debug/pprof/`]) {
      const r = await runCliAsync([base, '--json']);
      const s = parseJson(r);
      assert.equal(s.format, 'goroutine', `${base}: a traceback dump (debug=2), not ${s.format}`);
      assertSitesMatch(s, truth);
    }
  });

  it('the binary goroutine profile (no debug): decoded, the watcher count is watchersAlive', async () => {
    const s = parseJson(await runCliAsync([svc.url('/debug/pprof/goroutine'), '--json']));
    const watcher = truth.sites.find((x) => x.scenario === 'watcher')!;
    const g = s.groups.find((x) => x.entry?.function === watcher.entry);
    assert.equal(g?.count, truth.watchersAlive);
  });

  it('a 404 from the service: one line with the status and the body\'s first line, exit 4', async () => {
    const r = await runCliAsync([svc.url('/debug/pprof/nosuchprofile?debug=1')]);
    assertOneLineFailure(r, /HTTP 404 Not Found: Unknown profile/);
  });

  it('--max-bytes stops a response that is too big', async () => {
    const r = await runCliAsync([svc.url('/debug/pprof/goroutine?debug=2'), '--max-bytes', '1k']);
    assertOneLineFailure(r, /larger than 1 KiB \(--max-bytes/);
  });
});

function assertOneLineFailure(r: CliResult, message: RegExp): void {
  assert.equal(r.code, 4, `exit code: ${r.code}\n${r.stderr}`);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `more than one line:\n${r.stderr}`);
  assert.match(lines[0]!, /^gdump: /);
  assert.match(lines[0]!, message);
}

async function listen(handler: RequestListener): Promise<{ server: Server; base: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('URL inputs that fail', () => {
  const servers: Server[] = [];
  after(() => {
    for (const s of servers) {
      s.closeAllConnections();
      s.close();
    }
  });
  async function serve(handler: RequestListener): Promise<string> {
    const { server, base } = await listen(handler);
    servers.push(server);
    return base;
  }

  it('a closed port on 127.0.0.1: connection refused', async () => {
    const { server, base } = await listen(() => undefined);
    await new Promise((r) => server.close(r));
    const r = await runCliAsync([`${base}/debug/pprof/goroutine?debug=2`]);
    assertOneLineFailure(r, /connection refused/);
  });

  it('an endpoint that never answers: stopped at --timeout', async () => {
    const base = await serve(() => undefined); // accepts, reads the request, never replies
    const t0 = Date.now();
    const r = await runCliAsync([`${base}/debug/pprof/goroutine?debug=2`, '--timeout', '400ms'], { timeoutMs: 30_000 });
    assertOneLineFailure(r, /no complete response within 0\.4s \(--timeout\)/);
    assert.ok(Date.now() - t0 < 10_000, `took ${Date.now() - t0} ms`);
  });

  it('a body that stalls halfway: stopped at --timeout, not taken as a short dump', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('goroutine 1 [running]:\nmain.main()\n');
    });
    const r = await runCliAsync([`${base}/x`, '--timeout', '400ms']);
    assertOneLineFailure(r, /--timeout/);
  });

  it('an HTML page (by Content-Type or by its first bytes): one clear line', async () => {
    const typed = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>login</p>'));
    const untyped = await serve((_req, res) => res.writeHead(200).end('\n<!DOCTYPE html>\n<html><body>Sign in</body></html>\n'));
    for (const base of [typed, untyped]) {
      const r = await runCliAsync([`${base}/debug/pprof/goroutine?debug=2`]);
      assertOneLineFailure(r, /returned an HTML page, not a goroutine dump or profile/);
    }
  });

  it('an error body with control characters is escaped in the message', async () => {
    const base = await serve((_req, res) => res.writeHead(503).end('down \x1b[31mred\x1b[0m for maintenance\nsecond line'));
    const r = await runCliAsync([`${base}/debug/pprof/goroutine?debug=2`]);
    assertOneLineFailure(r, /HTTP 503 Service Unavailable: down \\x1b\[31mred\\x1b\[0m for maintenance$/);
  });

  it('a Content-Length over --max-bytes is refused before reading', async () => {
    const base = await serve((_req, res) => res.writeHead(200, { 'content-length': 5000 }).end('x'.repeat(5000)));
    const r = await runCliAsync([`${base}/d`, '--max-bytes', '1000']);
    assertOneLineFailure(r, /the response is 4\.9 KiB, larger than 1000 B/);
  });

  it('redirects are followed to the dump', async () => {
    const target = await serve((_req, res) => res.writeHead(200).end('goroutine 1 [running]:\nmain.main()\n\t/src/main.go:5 +0x1d\n'));
    const hop = await serve((_req, res) => res.writeHead(302, { location: `${target}/dump` }).end());
    const r = await runCliAsync([`${hop}/start`, '--json']);
    assert.equal(parseJson(r).total, 1);
  });

  it('only http and https', async () => {
    const r = await runCliAsync(['ftp://127.0.0.1/debug/pprof/goroutine']);
    assertOneLineFailure(r, /only http:\/\/ and https:\/\/ URLs are supported/);
  });
});
