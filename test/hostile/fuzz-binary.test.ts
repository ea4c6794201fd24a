/**
 * The binary and command-line parts of `npm run fuzz`, bounded for the test
 * run: mutated real protos (raw and gzip'd) are read or refused with a
 * GdumpError, never a crash or a non-finite number; hostile flag values end
 * in a documented exit code with one message line.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { mutatedProto, protoCorpus, readMutated } from '../fuzz/binary.js';
import { commandLine, runCommandLine } from '../fuzz/options.js';

describe('fuzz: binary profiles and command lines (bounded)', () => {
  it('mutated real protos, raw and gzip\'d: read or refused, never a crash', async () => {
    const protos = protoCorpus();
    assert.ok(protos.length >= 8, 'fixtures/profiles/*.pb.gz');
    await fc.assert(
      fc.asyncProperty(mutatedProto(protos), async (d) => {
        assert.equal(await readMutated(d), null, String(d));
      }),
      { numRuns: 1500 },
    );
  });

  it('hostile flag values: exit 0-4 with a gdump: line, never 5 or a trace', () => {
    fc.assert(
      fc.property(commandLine, (c) => {
        assert.equal(runCommandLine(c), null, c.argv.join(' '));
      }),
      { numRuns: 25 },
    );
  });
});
