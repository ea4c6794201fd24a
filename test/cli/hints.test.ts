/**
 * Messages that point at the fix: a service address typed without http://,
 * and a 404 that says whether pprof is served at all (net/http/pprof's
 * "Unknown profile") or not (Go's "404 page not found").
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { runCli, runCliAsync } from '../helpers/cli.js';

describe('hints', () => {
  it('host:port without a scheme: "did you mean http://…"', () => {
    for (const arg of ['127.0.0.1:6071', 'localhost:6060/debug/pprof/goroutine']) {
      const r = runCli([arg]);
      assert.equal(r.code, 4);
      assert.match(r.stderr, new RegExp(`no such file; did you mean http://${arg.replace(/\./g, '\\.')}\\?`));
    }
    assert.doesNotMatch(runCli(['no-such-dump.txt']).stderr, /did you mean/);
  });

  describe('HTTP 404', () => {
    let server: Server;
    let base = '';
    before(async () => {
      // As Go answers: net/http/pprof for an unknown profile name, the default mux for an unknown path.
      server = createServer((req, res) => {
        res.statusCode = 404;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end(req.url?.startsWith('/debug/pprof/nosuch') ? 'Unknown profile\n' : '404 page not found\n');
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => server.close());

    it('pprof is served but has no such profile', async () => {
      const r = await runCliAsync([`${base}/debug/pprof/nosuch?debug=1`]);
      assert.equal(r.code, 4);
      assert.match(r.stderr, /HTTP 404.*the service serves pprof but has no such profile/);
      assert.doesNotMatch(r.stderr, /import net\/http\/pprof/);
    });

    it('nothing serves /debug/pprof', async () => {
      const r = await runCliAsync([`${base}/debug/pprof/goroutine?debug=2`]);
      assert.equal(r.code, 4);
      assert.match(r.stderr, /HTTP 404.*does the service import net\/http\/pprof/);
    });
  });
});
