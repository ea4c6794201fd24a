/**
 * `npm run fuzz`: the damaged-dump properties of test/hostile for a long run
 * (default 1,000,000 cases; `node dist/test/fuzz/campaign.js N [seed]`).
 * Prints progress every 50,000 cases and the result as one JSON line.
 */
import fc from 'fast-check';
import { corpus } from '../hostile/corpus.js';
import { damagedDump, readDamaged } from '../hostile/damage.js';

const runs = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const dumps = corpus(64 << 10);
const started = Date.now();
let done = 0;

const result = fc.check(
  fc.property(damagedDump(dumps), (d) => {
    done++;
    if (done % 50_000 === 0) process.stderr.write(`fuzz: ${done.toLocaleString('en-US')} cases, ${Math.round((Date.now() - started) / 1000)} s\n`);
    return readDamaged(d) === null;
  }),
  { numRuns: runs, seed, endOnFailure: true },
);

const summary = {
  cases: result.numRuns,
  dumps: dumps.length,
  seed,
  failed: result.failed,
  seconds: Math.round((Date.now() - started) / 1000),
  counterexample: result.counterexample === null ? null : fc.stringify(result.counterexample[0]),
  problem: result.counterexample === null ? null : readDamaged(result.counterexample[0]),
};
process.stdout.write(JSON.stringify(summary) + '\n');
process.exitCode = result.failed ? 1 : 0;
