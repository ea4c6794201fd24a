/**
 * `npm run fuzz`: the properties of test/hostile for a long run, in three
 * parts: damaged text dumps (default 1,000,000 cases), mutated binary
 * profiles (default 100,000; raw and gzip'd) and hostile command lines
 * (default 300, each a real gdump process).
 * `node dist/test/fuzz/campaign.js [TEXT] [seed] [BINARY] [OPTIONS]`.
 * Prints progress every 50,000 cases and each part's result as one JSON line.
 */
import fc from 'fast-check';
import { corpus } from '../hostile/corpus.js';
import { damagedDump, readDamaged } from '../hostile/damage.js';
import { mutatedProto, protoCorpus, readMutated } from './binary.js';
import { commandLine, runCommandLine } from './options.js';

const runs = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const binaryRuns = Number(process.argv[4] ?? 100_000);
const optionRuns = Number(process.argv[5] ?? 300);

function progress(part: string, started: number): () => void {
  let done = 0;
  return () => {
    done++;
    if (done % 50_000 === 0) process.stderr.write(`fuzz ${part}: ${done.toLocaleString('en-US')} cases, ${Math.round((Date.now() - started) / 1000)} s\n`);
  };
}

function report<T>(part: string, result: fc.RunDetails<[T]>, started: number, extra: Record<string, unknown>, problem: string | null): void {
  const summary = {
    part,
    cases: result.numRuns,
    ...extra,
    seed,
    failed: result.failed,
    seconds: Math.round((Date.now() - started) / 1000),
    counterexample: result.counterexample === null ? null : fc.stringify(result.counterexample[0]),
    problem,
  };
  process.stdout.write(JSON.stringify(summary) + '\n');
  if (result.failed) process.exitCode = 1;
}

{
  const dumps = corpus(64 << 10);
  const started = Date.now();
  const tick = progress('text', started);
  const result = fc.check(
    fc.property(damagedDump(dumps), (d) => {
      tick();
      return readDamaged(d) === null;
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  report('text', result, started, { dumps: dumps.length }, result.counterexample === null ? null : readDamaged(result.counterexample[0]));
}

{
  const protos = protoCorpus();
  const started = Date.now();
  const tick = progress('binary', started);
  const result = await fc.check(
    fc.asyncProperty(mutatedProto(protos), async (d) => {
      tick();
      return (await readMutated(d)) === null;
    }),
    { numRuns: binaryRuns, seed, endOnFailure: true },
  );
  report('binary', result, started, { protos: protos.length }, result.counterexample === null ? null : await readMutated(result.counterexample[0]));
}

{
  const started = Date.now();
  const result = fc.check(
    fc.property(commandLine, (c) => runCommandLine(c) === null),
    { numRuns: optionRuns, seed, endOnFailure: true },
  );
  report('options', result, started, {}, result.counterexample === null ? null : runCommandLine(result.counterexample[0]));
}
