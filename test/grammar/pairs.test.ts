/**
 * Repeated frames are shared (grammar/pairs.ts): the same call and location
 * lines give the same Frame object, while frames that differ in any
 * character (line number, pc offset, parent id, CRLF) are read on their own,
 * and lines that need a warning warn every time they appear.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDump } from '../../grammar/parse.js';
import type { Goroutine } from '../../src/model/goroutine.js';
import { goroutinesIn } from '../helpers/snapshots.js';

function goroutines(text: string, chunkSize?: number): Goroutine[] {
  const r = parseDump(text, chunkSize === undefined ? {} : { chunkSize });
  return r.snapshots.flatMap((s) => goroutinesIn(s));
}

const g = (id: number, line: number, pc: string): string =>
  `goroutine ${id} [chan receive]:\nmain.recv(0x0?)\n\t/app/main.go:${line} +0x${pc}\ncreated by main.main in goroutine 1\n\t/app/main.go:20 +0x1a5\n\n`;

describe('shared frames', () => {
  it('the same two lines make one Frame object, across chunks too', () => {
    const text = g(5, 89, '25') + g(6, 89, '25') + g(7, 89, '25');
    for (const chunkSize of [undefined, 16]) {
      const [a, b, c] = goroutines(text, chunkSize);
      assert.equal(a!.frames[0], b!.frames[0]);
      assert.equal(a!.frames[0], c!.frames[0]);
      assert.equal(a!.createdBy, c!.createdBy);
      assert.deepEqual([a!.parentId, c!.parentId], [1, 1]);
      assert.deepEqual({ ...c!.frames[0]!, func: c!.frames[0]!.func.full }, { func: 'main.recv', args: '0x0?', file: '/app/main.go', line: 89, pcOffset: 0x25, inlined: false, registers: '' });
    }
  });

  it('frames that differ in one character are read on their own', () => {
    // Same length and pc offset, different line: the case a cheap slot hash may confuse.
    const [a, b, c, d] = goroutines(g(5, 89, '25') + g(6, 93, '25') + g(7, 89, '2f') + g(8, 89, '25').replace(/\n/g, '\r\n'));
    assert.deepEqual([a, b, c, d].map((x) => [x!.frames[0]!.line, x!.frames[0]!.pcOffset]), [[89, 0x25], [93, 0x25], [89, 0x2f], [89, 0x25]]);
    assert.notEqual(a!.frames[0], b!.frames[0]);
  });

  it('creator lines with another parent keep their own parent id', () => {
    const other = g(9, 89, '25').replace('in goroutine 1', 'in goroutine 4');
    const [a, b] = goroutines(g(5, 89, '25') + other);
    assert.deepEqual([a!.parentId, b!.parentId], [1, 4]);
  });

  it('a creator line that needs a warning warns each time', () => {
    const bad = (id: number): string => g(id, 89, '25').replace('in goroutine 1', 'in goroutine x');
    for (const chunkSize of [undefined, 16]) {
      const r = parseDump(bad(5) + bad(6) + bad(7), chunkSize === undefined ? {} : { chunkSize });
      const warned = r.snapshots[0]!.warnings.filter((w) => w.message.startsWith('cannot read the creator'));
      assert.deepEqual(warned.map((w) => w.line), [4, 10, 16]);
    }
  });
});
