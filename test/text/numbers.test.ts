/**
 * The one number formatting module (src/text/numbers.ts). groupDigits
 * stands in for toLocaleString('en-US') without loading ICU's locale data,
 * so Intl itself is the oracle here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { formatBytes, formatChange, formatShare, groupDigits } from '../../src/text/numbers.js';

describe('groupDigits', () => {
  it('prints what toLocaleString("en-US") prints, for integers and fractions (but -0 as 0)', () => {
    assert.equal(groupDigits(-0), '0');
    const en = new Intl.NumberFormat('en-US');
    fc.assert(fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => groupDigits(n) === en.format(n)));
    for (const n of [0, 7, 999, 1000, 1234567, -1234567.5, 0.25, 1234.5678, 3.0004]) assert.equal(groupDigits(n), en.format(n), String(n));
  });
});

describe('formatShare', () => {
  it('is a percentage with one decimal, empty without a total', () => {
    assert.equal(formatShare(40, 49), '81.6%');
    assert.equal(formatShare(0, 49), '0.0%');
    assert.equal(formatShare(3, 0), '');
  });
});

describe('formatChange', () => {
  it('is signed, whole from 10% on, and says new when there was nothing before', () => {
    assert.equal(formatChange(1233.33), '+1233%');
    assert.equal(formatChange(-2.54), '-2.5%');
    assert.equal(formatChange(-0.04), '0%');
    assert.equal(formatChange(null), 'new');
  });
});

describe('formatBytes', () => {
  it('uses binary units with one decimal and no trailing .0', () => {
    assert.equal(formatBytes(512), '512 B');
    assert.equal(formatBytes(1536), '1.5 KiB');
    assert.equal(formatBytes(3 << 20), '3 MiB');
    assert.equal(formatBytes(1 << 30), '1 GiB');
  });
});
