/**
 * `gdump FILE` runs without yargs (src/cli/plain.ts). These tests keep that
 * shortcut honest: its args are what yargs makes for the same command line,
 * anything else still goes to yargs, and the report is the same either way.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import yargs from 'yargs';
import { analyzeCommand, type AnalyzeArgs } from '../../src/cli/commands/analyze.js';
import { plainAnalyzeArgs } from '../../src/cli/plain.js';
import { runCli } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';

async function yargsArgs(argv: string[]): Promise<Record<string, unknown>> {
  let captured: Record<string, unknown> | null = null;
  await yargs(argv)
    .command({ ...analyzeCommand, handler: (a: AnalyzeArgs) => void (captured = a as unknown as Record<string, unknown>) })
    .strict()
    .parseAsync();
  assert.ok(captured !== null, 'the analyze command ran');
  return captured;
}

describe('gdump FILE without yargs', () => {
  it('makes the args yargs makes, and every option yargs knows', async () => {
    const file = fixture('leak', 'after.txt');
    for (const argv of [[file], [file, '--json'], ['--json', file]]) {
      const plain = plainAnalyzeArgs(argv) as unknown as Record<string, unknown>;
      assert.ok(plain !== null, argv.join(' '));
      const parsed = await yargsArgs(argv);
      for (const [k, v] of Object.entries(plain)) assert.deepEqual(v, parsed[k], `${argv.join(' ')}: --${k}`);
      // Every long option yargs sets (not its camelCase copies, short aliases, _ or $0) is in the shortcut.
      const missing = Object.keys(parsed).filter((k) => !(k in plain) && k !== '_' && k !== '$0' && k.length > 1 && !/[A-Z]/.test(k));
      assert.deepEqual(missing, []);
    }
  });

  it('leaves flags, stdin, commands, URLs and several inputs to yargs', () => {
    for (const argv of [[], ['-'], ['--json'], ['--json', '--json'], ['a.txt', '--json', '--json'], ['a.txt', '--top', '5'], ['-i'], ['diff'], ['watch'], ['help'], ['a.txt', 'b.txt'], ['http://127.0.0.1:6060/debug/pprof/goroutine'], ['-', '--json']]) {
      assert.equal(plainAnalyzeArgs(argv), null, argv.join(' '));
    }
  });

  it('prints the same report and JSON as the yargs path', () => {
    const file = fixture('leak', 'after.txt');
    for (const extra of [[], ['--json']]) {
      const plain = runCli([file, ...extra]);
      const viaYargs = runCli([file, ...extra, '--top', '20']);
      assert.equal(plain.code, 0, plain.stderr);
      assert.equal(plain.stdout, viaYargs.stdout);
      assert.equal(plain.stderr, viaYargs.stderr);
      assert.match(plain.stdout, /goroutine/);
    }
  });
});
