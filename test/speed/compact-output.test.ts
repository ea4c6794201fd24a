/**
 * The compact pieces of a big run's output: group ids in an IdList and JSON
 * written in pieces must print exactly what JSON.stringify(…, null, 2) of
 * plain arrays and objects prints (the JSON contract), for ids inside and
 * outside the int32 range and for every kind of value the reports hold.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IdList } from '../../src/analysis/idlist.js';
import { writeJson } from '../../src/render/jsonstream.js';

function listOf(ids: number[]): IdList {
  const list = new IdList();
  for (const id of ids) list.push(id);
  return list;
}

function written(value: unknown, indent = ''): string {
  let out = '';
  writeJson(value, (text) => (out += text), indent);
  return out;
}

describe('IdList', () => {
  it('keeps, sorts and prints ids like a number array, past the int32 range too', () => {
    const ids = [7, 3, 2 ** 31 + 5, 1, 2 ** 40, 0, 99];
    const list = listOf(ids);
    assert.equal(list.length, ids.length);
    list.sort();
    const sorted = [...ids].sort((a, b) => a - b);
    assert.deepEqual(list.slice(), sorted);
    assert.deepEqual(list.slice(0, 3), sorted.slice(0, 3));
    assert.equal(JSON.stringify(list), JSON.stringify(sorted));
  });

  it('grows past its first capacity without losing ids', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 100_003);
    const list = listOf(ids);
    list.sort();
    assert.deepEqual(list.slice(), [...ids].sort((a, b) => a - b));
  });
});

describe('writeJson', () => {
  const value = {
    format: 'goroutine',
    total: 3,
    nothing: null,
    left: undefined,
    fn: () => 1,
    empty: [],
    none: {},
    onlyUndefined: { a: undefined },
    groups: [{ key: 'a"b\\c\n', ids: listOf([3, 1, 2]), noIds: new IdList(), labels: { 'k\u2028': 'v' }, frames: [{ function: 'main.f', file: '/x.go', line: 1.5 }] }],
    holes: [1, undefined, () => 2, 'é', true, false, -0, 1e21],
    dated: new Date(0),
    many: Array.from({ length: 20_000 }, (_, i) => ({ i, s: 'x'.repeat(i % 7) })),
  };

  it('prints what JSON.stringify(value, null, 2) prints, in pieces', () => {
    assert.equal(written(value), JSON.stringify(value, null, 2));
    const pieces: string[] = [];
    writeJson(value, (text) => pieces.push(text));
    assert.ok(pieces.length > 10, `${pieces.length} pieces`);
  });

  it('indents nested output as JSON.stringify nests it', () => {
    const whole = JSON.stringify({ snapshots: [value] }, null, 2);
    assert.equal('{\n  "snapshots": [\n    ' + written(value, '    ') + '\n  ]\n}', whole);
  });
});
