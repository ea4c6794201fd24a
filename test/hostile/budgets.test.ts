/**
 * Every input has a byte and item budget (src/input/budget.ts): the bombs
 * of issue #14 each end in one line naming the budget and its flag, exit 4,
 * no stack trace, and a peak RSS under 300 MiB measured on the real process.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { BUDGETS, formatBudget } from '../../src/input/budget.js';
import { REPO } from '../helpers/paths.js';
import { endless, runMeasured, type MeasuredRun } from '../helpers/rss.js';
import { deepSample, gzipBomb, PROTO_HEAD, stringTableBomb } from './bombs.js';

const RSS_LIMIT_MIB = 300;

/**
 * One line on stderr naming the budget's flag, exit 4, no trace, and the peak RSS under the limit.
 * A stream whose inflated start is neither text nor a profile is refused before any budget
 * (src/input/decode.ts): also one line and exit 4, which `orRefused` accepts.
 */
function assertBudgetStop(r: MeasuredRun, flag: RegExp, orRefused = false): void {
  assert.equal(r.code, 4, `exit ${r.code} (signal ${r.signal}): ${r.stderr}`);
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  const refused = orRefused && /neither text nor a pprof profile/.test(lines[0]!);
  if (!refused) {
    assert.match(lines[0]!, /^gdump: .*more than .*: stopped at this budget \(--[a-z-]+ raises it\)$/);
    assert.match(lines[0]!, flag);
  }
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  assert.ok(r.rssMiB !== null && r.rssMiB < RSS_LIMIT_MIB, `peak RSS ${r.rssMiB?.toFixed(0)} MiB`);
}

describe('budgets: bombs stop with one line, exit 4, bounded memory', () => {
  it('a 4.4 MB gzip that inflates to 4.4 GB (file): stops at the binary profile budget', async () => {
    const r = await runMeasured(['-'], { input: gzipBomb(4400) });
    assertBudgetStop(r, /--max-(profile-bytes|inflated)/, true);
  });

  describe('over HTTP with Content-Encoding: gzip', () => {
    let server: Server;
    let url = '';
    const body = gzipBomb(4400);
    before(async () => {
      server = createServer((_, res) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip', 'content-length': body.length });
        res.end(body);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/debug/pprof/goroutine`;
    });
    after(() => server.close());

    it('a 4.4 MB body inflating to 4.4 GB: the inflated bytes are counted, not only the compressed ones', async () => {
      const r = await runMeasured([url]);
      assertBudgetStop(r, /--max-(profile-bytes|inflated)/, true);
    });
  });

  it('a 58 KB .pb.gz whose string table has 30 M entries: stops at the item budget', async () => {
    const r = await runMeasured(['-'], { input: stringTableBomb(30_000_000) });
    assertBudgetStop(r, /--max-profile-items/);
  });

  it('stdin that starts like a proto, then endless zeros: stops at the binary profile budget', async () => {
    const r = await runMeasured(['-'], { feed: endless(PROTO_HEAD) });
    assertBudgetStop(r, /--max-(profile-bytes|bytes)/, true);
  });

  it('one sample with 1 M location ids (a 1 KB file): stops at the stack depth budget', async () => {
    const r = await runMeasured(['-'], { input: deepSample(1_000_000) });
    assertBudgetStop(r, /--max-stack-depth/);
  });

  it('the same sample with the depth budget raised: read, no stack overflow', async () => {
    const r = await runMeasured(['-', '--max-stack-depth', '2000000', '--max-profile-items', '3000000', '--json'], { input: deepSample(1_000_000), keepStdout: 4096 });
    // No sample type: read from its shape as a goroutine count profile (a warning), one record of a million frames.
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /RangeError|Maximum call stack/);
    assert.ok(r.rssMiB !== null && r.rssMiB < RSS_LIMIT_MIB, `peak RSS ${r.rssMiB?.toFixed(0)} MiB`);
  });

  it('/dev/zero as a file is not read forever: stops at --max-bytes', async () => {
    const r = await runMeasured(['/dev/zero', '--max-bytes', '16MiB']);
    assertBudgetStop(r, /more than 16 MiB read from one input .*--max-bytes/);
  });

  it('endless text on stdin stops at --max-bytes', async () => {
    const r = await runMeasured(['-', '--max-bytes', '8MiB'], { feed: endless(Buffer.from('goroutine 1 [running]:\nmain.main()\n\t/m.go:1 +0x1\n\n')) });
    assertBudgetStop(r, /--max-bytes/);
  });

  it('a budget flag given twice: the last one counts (found by npm run fuzz: it was exit 5)', async () => {
    const r = await runMeasured(['diff', 'fixtures/leak/before.txt', 'fixtures/leak/after.txt', '--max-stack-depth=x', '--max-stack-depth=100']);
    assert.equal(r.code, 0, r.stderr);
  });

  it('a budget flag takes sizes and counts; a bad one is a usage error', async () => {
    const r = await runMeasured(['-', '--max-profile-items', 'lots'], { input: 'x' });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /--max-profile-items: expected a whole number/);
  });
});

describe('budgets: the README states each one with its flag and default', () => {
  it('one row per budget in the README table, as the table in src/input/budget.ts has them', () => {
    const readme = readFileSync(`${REPO}/README.md`, 'utf8');
    for (const b of Object.values(BUDGETS)) {
      const row = `| \`--${b.flag}\` | ${formatBudget(b)} | ${b.what} |`;
      assert.ok(readme.includes(row), `README lacks the row: ${row}`);
    }
  });
});
