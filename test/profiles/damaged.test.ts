/**
 * Damaged profiles: a corrupt or cut gzip stream, a cut protocol buffer, a
 * heap text cut inside its MemStats block. Each gives a clear warning, what
 * could be read (exit 0, or 1 with --strict), and never a stack trace;
 * input with nothing readable exits 4 (EXIT.inputError).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { runCli, runJson } from '../helpers/cli.js';
import type { SnapshotJson } from '../helpers/json.js';
import { fixture } from '../helpers/paths.js';

const OWN_STACK = /\n\s+at .*(dist|node:internal)/;
const dir = mkdtempSync(path.join(tmpdir(), 'gdump-profiles-'));
const gz = readFileSync(fixture('profiles', 'heap.pb.gz'));
const proto = gunzipSync(gz);

/** The site every damaged heap must still show: main.allocLeakyBuffers, 64 objects / 262144 bytes in use. */
const LEAKY = { inuseObjects: 64, inuseBytes: 262144 };

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

type HeapGroup = { inuseObjects: number; inuseBytes: number; frames: { function: string }[] };

function heapOut(file: string): SnapshotJson & { memStats: Record<string, number> } {
  const out = runJson<SnapshotJson & { memStats: Record<string, number> }>([file, '--group-by', 'stack', '--top', '0']);
  assert.match(out.format, /^(heap|allocs)$/);
  return out;
}

function hasLeakySite(out: SnapshotJson): boolean {
  return (out.groups as unknown as HeapGroup[]).some((g) => g.inuseObjects === LEAKY.inuseObjects && g.inuseBytes === LEAKY.inuseBytes);
}

/** Byte offset of the proto's first string-table field (6): Go writes the strings last. */
function stringTableStart(buf: Buffer): number {
  let at = 0;
  for (;;) {
    const tag = buf[at]!;
    if (tag >> 3 === 6) return at;
    at++;
    let len = 0;
    let scale = 1;
    let b;
    do {
      b = buf[at++]!;
      len += (b & 0x7f) * scale;
      scale *= 128;
    } while (b & 0x80);
    if ((tag & 7) === 2) at += len;
  }
}

describe('damaged binary profiles', () => {
  it('a cut gzip stream: warns it is cut off, reads what inflates, keeps the known site', () => {
    const file = write('heap-cutgz.pb.gz', gz.subarray(0, Math.floor(gz.length * 0.9)));
    const out = heapOut(file);
    assert.ok(out.warnings.some((w) => /the gzip stream is cut off/.test(w.message)), JSON.stringify(out.warnings));
    assert.equal(out.format, 'heap');
    assert.ok(hasLeakySite(out), 'the known site is still there');
    const strict = runCli([file, '--strict']);
    assert.equal(strict.code, 1);
    assert.doesNotMatch(strict.stderr, OWN_STACK);
  });

  it('a corrupt gzip stream: warns it is corrupt, shows what inflated before the damage', () => {
    const bad = Buffer.from(gz);
    for (let i = Math.floor(bad.length / 2); i < Math.floor(bad.length / 2) + 64; i++) bad[i] ^= 0x5a;
    const r = runCli([write('heap-corrupt.pb.gz', bad), '--top', '3']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /warning: the gzip stream is corrupt \(/);
    assert.match(r.stdout, /heap profile/);
    assert.doesNotMatch(r.stdout + r.stderr, OWN_STACK);
  });

  it('gzip magic and nothing inflatable: exit 4 with one clear line', () => {
    const junk = Buffer.alloc(300);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 31) % 256;
    junk[0] = 0x1f;
    junk[1] = 0x8b;
    const r = runCli([write('junk.pb.gz', junk)]);
    assert.equal(r.code, 4);
    assert.match(r.stderr, /^gdump: .*junk\.pb\.gz: not a readable binary profile: the gzip stream is corrupt .*nothing could be inflated\n$/);
  });

  it('a raw proto (not gzipped) on stdin is recognised; cut before its string table it keeps every value', () => {
    const whole = runJson<SnapshotJson>(['-', '--top', '0'], { input: proto });
    assert.equal(whole.format, 'heap');
    assert.deepEqual(whole.warnings, []);
    const cut = proto.subarray(0, stringTableStart(proto) + 7);
    const out = runJson<SnapshotJson>([write('heap-cut.pb', cut), '--group-by', 'stack', '--top', '0']);
    assert.ok(out.warnings.some((w) => /the profile is cut off at byte \d+ of \d+/.test(w.message)), JSON.stringify(out.warnings));
    assert.ok(out.warnings.some((w) => /names were lost .*read as heap from its shape and name/.test(w.message)), JSON.stringify(out.warnings));
    assert.ok(hasLeakySite(out));
    const sum = (o: SnapshotJson): number => (o.groups as unknown as HeapGroup[]).reduce((a, g) => a + g.inuseBytes, 0);
    assert.equal(sum(out), sum(whole), 'every sample survived the cut');
  });
});

describe('a heap text cut inside the MemStats block', () => {
  const text = readFileSync(fixture('profiles', 'heap.debug1.txt'), 'utf8');
  const heapSysAt = text.indexOf('# HeapSys = ');
  const lineOf = (offset: number): number => text.slice(0, offset).split('\n').length;

  for (const [what, end] of [
    ['at the end of a line', text.indexOf('\n', heapSysAt) + 1],
    ['in the middle of a line', heapSysAt + 14],
  ] as const) {
    it(what, () => {
      const file = write(`heap-cut-${end}.txt`, text.slice(0, end));
      const out = heapOut(file);
      const cutWarning = out.warnings.find((w) => /the # runtime\.MemStats block ends after "HeapSys": the file looks cut off/.test(w.message));
      assert.ok(cutWarning, JSON.stringify(out.warnings));
      assert.equal(cutWarning.line, lineOf(heapSysAt));
      assert.equal(out.memStats.Alloc, 716968, 'MemStats before the cut are read');
      assert.equal(out.memStats.HeapIdle, undefined, 'none after it is made up');
      assert.ok(hasLeakySite(out), 'the records before the MemStats block are whole');
      const r = runCli([file]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /warning: line \d+: the # runtime\.MemStats block ends after "HeapSys"/);
      assert.equal(runCli([file, '--strict']).code, 1);
    });
  }

  it('a heap text cut among its records says records are missing', () => {
    const cutAt = text.indexOf('\n\n', Math.floor(text.length / 2)) + 2;
    const out = heapOut(write('heap-cut-records.txt', text.slice(0, cutAt)));
    assert.ok(out.warnings.some((w) => /records add up to .* but the header says 1113 \/ 395136: records are missing/.test(w.message)), JSON.stringify(out.warnings));
  });
});
