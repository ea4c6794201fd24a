/**
 * Telling text from a binary profile, and decoding what can be decoded: no
 * text in any shape is taken for a profile, gzip'd text from a file or an
 * HTTP body reads as text, compression gdump cannot undo says how to undo
 * it, and unknown binary data is named by its first bytes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { constants, createGzip, gunzipSync, gzipSync } from 'node:zlib';
import { looksBinary, savedSuffix } from '../../src/input/decode.js';
import { openUrl } from '../../src/input/http.js';
import { load, type Loaded } from '../../src/input/load.js';
import { GdumpError } from '../../src/errors.js';
import '../../src/input/binary.js';
import { corpus, groupSummary, readText } from '../hostile/corpus.js';
import { fixture } from '../helpers/paths.js';
import { goroutinesOf } from '../helpers/snapshots.js';
import { loadBytes } from './support.js';

const LEAK = readFileSync(fixture('leak', 'after.txt'), 'utf8');

/** Every warning of a load: the input's and its snapshots'. */
const allWarnings = (r: Loaded): string[] => [...r.result.warnings, ...r.result.snapshots.flatMap((s) => s.warnings)].map((w) => w.message);

describe('text is never taken for a binary profile', () => {
  it('no real dump, indented, tab-expanded or double-spaced, sniffs as binary', () => {
    const shapes = [(t: string) => t, (t: string) => t.replace(/^/gm, '        '), (t: string) => t.replace(/\t/g, '    '), (t: string) => t.replace(/\n/g, '\n\n')];
    let n = 0;
    for (const d of corpus(300_000)) {
      for (const shape of shapes) {
        const head = Buffer.from(shape(d.bytes.toString('utf8'))).subarray(0, 64);
        assert.equal(looksBinary(head), false, `${d.name}: ${JSON.stringify(head.toString('latin1').slice(0, 40))}`);
        n++;
      }
    }
    assert.ok(n > 100);
  });

  it('a dump whose every line starts with 8 spaces reads as text (four 0x20 0x20 fields once passed for protobuf)', async () => {
    const text = LEAK.replace(/^/gm, '        ');
    const r = await loadBytes(Buffer.from(text));
    assert.deepEqual(groupSummary({ result: r.result, stripped: [] }), groupSummary(readText(LEAK)));
  });

  it('binary profiles, gzip\'d and raw, still read as profiles', async () => {
    const gz = readFileSync(fixture('profiles', 'heap.pb.gz'));
    assert.equal(looksBinary(gz), true);
    const r = await loadBytes(gz, {}, 'heap.pb.gz');
    assert.equal(r.result.snapshots[0]?.format, 'heap');
  });
});

describe('compressed and binary input', () => {
  it('bzip2 and xz: one line saying how to decompress; zstd: decoded where Node has it, else said so', async () => {
    const fail = async (bytes: Buffer): Promise<GdumpError> => {
      try {
        await loadBytes(bytes, {}, 'dump.txt.x');
      } catch (e) {
        assert.ok(e instanceof GdumpError);
        return e;
      }
      throw new Error('read without an error');
    };
    assert.match((await fail(Buffer.from('BZh91AY&SY\x00\x00', 'latin1'))).message, /^dump\.txt\.x: bzip2-compressed: decompress it first \(bunzip2\)$/);
    assert.match((await fail(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0, 0]))).message, /xz-compressed: decompress it first \(unxz\)/);
    const zstdFrame = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x04, 0x58, 0x29, 0x00, 0x00, 0x68, 0x69, 0x0a]);
    const zlib = await import('node:zlib');
    if (!('createZstdDecompress' in zlib)) assert.match((await fail(zstdFrame)).message, /zstd-compressed, and this Node \(v\d+[^)]*\) has no zstd.*zstd -d/);
  });

  it('unknown binary data: no dump, and a warning naming its first bytes and what it is not', async () => {
    const elf = Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\x00', 'latin1'), Buffer.alloc(600, 0x00), Buffer.from('goroutine? no\n')]);
    const r = await loadBytes(elf, {}, 'a.out');
    assert.equal(r.result.snapshots.length, 0);
    const said = r.result.warnings.map((w) => w.message).join('\n');
    assert.match(said, /binary data, not a dump: it starts with 7f 45 4c 46 02 01 01 00 00 00 00 00 00 00 00 00 … \(an ELF executable\), which is not text, gzip or a pprof protocol buffer/);
  });

  it('a cut gzip\'d dump gives every goroutine before the cut', async () => {
    const gz = gzipSync(Buffer.from(LEAK));
    const r = await loadBytes(gz.subarray(0, Math.floor(gz.length * 0.6)));
    const n = goroutinesOf(r.result.snapshots[0]).length;
    assert.ok(n > 5 && n < 49, `${n} goroutines`);
    assert.ok(allWarnings(r).some((m) => m.startsWith('the gzip stream ends before its end')), 'no gzip warning');
  });

  it('a gzip\'d dump cut at a line end (the text alone looks whole) is warned as cut; a whole one is not', async () => {
    const text = Buffer.from(LEAK);
    const lineEnd = text.indexOf('\n', text.length >> 1) + 1;
    // A gzip stream flushed at a line end and cut there: what a download that broke between deflate blocks leaves.
    const deflater = createGzip();
    const flushed = new Promise<Buffer>((resolve) => {
      const parts: Buffer[] = [];
      deflater.on('data', (d: Buffer) => parts.push(d));
      deflater.write(text.subarray(0, lineEnd), () => deflater.flush(constants.Z_SYNC_FLUSH, () => resolve(Buffer.concat(parts))));
    });
    const cut = await flushed;
    deflater.destroy();
    const warned = allWarnings(await loadBytes(cut));
    assert.ok(warned.some((m) => m.startsWith('the gzip stream ends before its end')), warned.join('\n'));
    const whole = allWarnings(await loadBytes(gzipSync(text)));
    assert.ok(!whole.some((m) => /gzip/.test(m)), whole.join('\n'));
  });

  it('gdump watch --out names what it saves by what the bytes are', async () => {
    const profile = readFileSync(fixture('profiles', 'goroutine.pb.gz'));
    assert.equal(await savedSuffix(Buffer.from(LEAK)), '.txt');
    assert.equal(await savedSuffix(gzipSync(Buffer.from(LEAK))), '.txt.gz');
    assert.equal(await savedSuffix(profile), '.pb.gz');
    assert.equal(await savedSuffix(gunzipSync(profile)), '.pb');
  });
});

describe('an HTTP body with Content-Encoding: gzip', () => {
  let server: Server;
  let base = '';
  before(async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.from(LEAK)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('is inflated through the same streaming path and reads as the dump', async () => {
    const r = await load(await openUrl(`${base}/debug/pprof/goroutine?debug=2`));
    assert.deepEqual(r.stripped, ['gzip (inflated)']);
    assert.deepEqual(groupSummary({ result: r.result, stripped: [] }), groupSummary(readText(LEAK)));
  });
});
