/**
 * Bytes that reach a terminal or a file (issue #14): the error printer
 * escapes what it quotes (HTTP status text, file names, profile names),
 * invisible and bidi characters are escaped, `--format traceback` cannot be
 * made to forge records by a newline in a proto name, and a URL's password
 * never appears in what gdump prints.
 */
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer, type Server as NetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { Function as PFunction, Line, Location, Profile, Sample, StringTable, ValueType } from 'pprof-format';
import { escapeTerminal } from '../../src/render/escape.js';
import { renderTraceback } from '../../src/render/traceback.js';
import { readText } from '../../src/input/pipeline.js';
import { runCli, runCliAsync, runJson } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import type { SnapshotJson } from '../helpers/json.js';

const ESC = '\u001b';

function profileNamed(type: string, functionName: string, count: number): Buffer {
  const strings = new StringTable();
  const profile = new Profile({
    sampleType: [new ValueType({ type: strings.dedup(type), unit: strings.dedup('count') })],
    sample: [new Sample({ value: [count], locationId: [1] })],
    location: [new Location({ id: 1, address: 0x1000, line: [new Line({ functionId: 1, line: 3 })] })],
    function: [new PFunction({ id: 1, name: strings.dedup(functionName), filename: strings.dedup('/srv/main.go') })],
    stringTable: strings,
    period: 1,
  });
  return gzipSync(profile.encode());
}

describe('the error printer escapes what it quotes', () => {
  let server: NetServer;
  let port = 0;
  before(async () => {
    // A raw socket: Node's own HTTP server refuses to send such a status text.
    server = createServer((c) => c.on('data', () => c.end(`HTTP/1.1 500 ${ESC}]0;TITLE\u0007${ESC}[2J\r\nContent-Length: 5\r\nConnection: close\r\n\r\noops\n`)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => server.close());

  it('an HTTP status text with escape sequences', async () => {
    const r = await runCliAsync([`http://127.0.0.1:${port}/debug/pprof/goroutine?debug=2`]);
    assert.equal(r.code, 4, r.stderr);
    assert.ok(!r.stderr.includes(ESC) && !r.stderr.includes('\u0007'), JSON.stringify(r.stderr));
    assert.match(r.stderr, /HTTP 500 \\x1b\]0;TITLE\\x07\\x1b\[2J/);
  });

  it('a file name with escape sequences', () => {
    const r = runCli([`/nonexistent/${ESC}]0;TITLE\u0007${ESC}[2J.txt`]);
    assert.equal(r.code, 4, r.stderr);
    assert.ok(!r.stderr.includes(ESC), JSON.stringify(r.stderr));
    assert.match(r.stderr, /\\x1b\]0;TITLE\\x07/);
  });

  it("a proto's sample type name with escape sequences", () => {
    const r = runCli(['-'], { input: profileNamed(`cpu${ESC}[2J\u2028x`, 'main.f', 1) });
    assert.equal(r.code, 3, r.stderr);
    assert.ok(!r.stderr.includes(ESC) && !r.stderr.includes('\u2028'), JSON.stringify(r.stderr));
    assert.match(r.stderr, /a cpu\\x1b\[2J\\u2028x profile/);
  });
});

describe('invisible and bidi characters are escaped', () => {
  for (const [name, ch] of [
    ['ALM U+061C', '\u061c'],
    ['LINE SEPARATOR U+2028', '\u2028'],
    ['PARAGRAPH SEPARATOR U+2029', '\u2029'],
    ['ZERO WIDTH SPACE U+200B', '\u200b'],
    ['ZERO WIDTH JOINER U+200D', '\u200d'],
    ['WORD JOINER U+2060', '\u2060'],
    ['BOM U+FEFF', '\ufeff'],
    ['RLO U+202E', '\u202e'],
    ['FSI U+2068', '\u2068'],
    ['SOFT HYPHEN U+00AD', '\u00ad'],
  ] as const) {
    it(name, () => {
      const out = escapeTerminal(`main.f${ch}oo`);
      assert.ok(!out.includes(ch));
      assert.match(out, /^main\.f\\u[0-9a-f]{4}oo$|^main\.f\\x[0-9a-f]{2}oo$/);
    });
  }

  it('two sites that differ by a zero-width space do not look the same in the report', () => {
    const dump = [`goroutine 1 [select]:`, `main.work()`, `\t/m.go:3 +0x1`, '', `goroutine 2 [select]:`, `main.wo\u200brk()`, `\t/m.go:3 +0x1`, ''].join('\n');
    const r = runCli(['-', '--group-by', 'top'], { input: dump });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes('\u200b'));
    assert.match(r.stdout, /main\.wo\\u200brk/);
  });
});

describe('--format traceback cannot forge records', () => {
  it('a newline in a proto function name: 2 goroutines written back read as 2, not 1,000,000', () => {
    const evil = 'main.f\n1000000 @ 0x1\n#\t0x1\tmain.forged\t/srv/x.go:1\n\ngoroutine 9 [running]:\nmain.fake()';
    const text = runCli(['-', '--format', 'traceback'], { input: profileNamed('goroutine', evil, 2) });
    assert.equal(text.code, 0, text.stderr);
    const back = runJson<SnapshotJson>(['-'], { input: text.stdout });
    assert.equal(back.total, 2, text.stdout);
    assert.equal(back.groups.reduce((n, g) => n + g.count, 0), 2, text.stdout);
    assert.equal(back.groups.length, 1);
  });

  it('on a terminal, every unsafe character of the dump is escaped and the layout tabs kept', () => {
    // No CSI (the unwrapper takes colour codes off as a wrapper): a bell, a bidi override, a C1 CSI.
    const dump = `goroutine 7 [select]:\nmain.evil\u0007\u202e(0x1)\n\t/srv/m\u009b2J.go:3 +0x1d\n`;
    const s = readText(dump).result.snapshots[0]!;
    assert.ok(s.kind === 'traceback');
    const out = renderTraceback(s, {}, true);
    assert.ok(!out.includes('\u009b') && !out.includes('\u0007') && !out.includes('\u202e'), JSON.stringify(out));
    assert.match(out, /\n\t\/srv\/m\\x9b2J\.go:3 \+0x1d\n/);
  });
});

describe('URL userinfo is masked everywhere it is printed', () => {
  let server: Server;
  let base = '';
  before(async () => {
    const dump = runCli([fixture('leak', 'before.txt'), '--format', 'traceback']).stdout;
    server = createHttpServer((req, res) => {
      if (req.url?.includes('missing') === true) return void res.writeHead(404).end('404 page not found\n');
      res.writeHead(200, { 'content-type': 'text/plain' }).end(dump);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('in the report header', async () => {
    const r = await runCliAsync([`http://alice:s3cret@${base}/debug/pprof/goroutine?debug=2`]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes('s3cret') && !r.stderr.includes('s3cret'), r.stdout.slice(0, 300));
    assert.match(r.stdout, /^http:\/\/alice:\*\*\*@/);
  });

  it('in errors, with a token as the user name', async () => {
    const r = await runCliAsync([`http://tok3n@${base}/missing`]);
    assert.equal(r.code, 4, r.stderr);
    assert.ok(!r.stderr.includes('tok3n'), r.stderr);
    assert.match(r.stderr, /http:\/\/\*\*\*@127\.0\.0\.1/);
  });

  it('in diff sources', async () => {
    const r = await runCliAsync(['diff', `http://alice:s3cret@${base}/a`, `http://alice:s3cret@${base}/b`]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes('s3cret') && !r.stderr.includes('s3cret'), r.stdout.slice(0, 300));
  });
});
