/**
 * `gdump FILE` runs without yargs (src/cli/plain.ts). These tests keep that
 * shortcut honest: its args are what yargs makes for the same command line,
 * anything else still goes to yargs, and the report is the same either way.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import yargs from 'yargs';
import type { AnalyzeArgs } from '../../src/cli/commands/analyze-args.js';
import { analyzeCommand } from '../../src/cli/commands/analyze.js';
import { EXIT } from '../../src/cli/exit.js';
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
    for (const argv of [[file], [file, '--json'], ['--json', file], [], ['--json'], ['-'], ['-', '--json'], ['--json', '-']]) {
      const plain = plainAnalyzeArgs(argv) as unknown as Record<string, unknown>;
      assert.ok(plain !== null, argv.join(' '));
      const parsed = await yargsArgs(argv);
      for (const [k, v] of Object.entries(plain)) assert.deepEqual(v, parsed[k], `${argv.join(' ')}: --${k}`);
      // Every long option yargs sets (not its camelCase copies, short aliases, _ or $0) is in the shortcut.
      const missing = Object.keys(parsed).filter((k) => !(k in plain) && k !== '_' && k !== '$0' && k.length > 1 && !/[A-Z]/.test(k));
      assert.deepEqual(missing, []);
    }
  });

  it('leaves flags, commands, URLs and several inputs to yargs', () => {
    for (const argv of [['--json', '--json'], ['a.txt', '--json', '--json'], ['a.txt', '--top', '5'], ['-i'], ['-', '-i'], ['diff'], ['watch'], ['help'], ['a.txt', 'b.txt'], ['-', 'a.txt'], ['-', '-'], ['http://127.0.0.1:6060/debug/pprof/goroutine'], ['--help'], ['-h']]) {
      assert.equal(plainAnalyzeArgs(argv), null, argv.join(' '));
    }
  });

  it('prints the same report and JSON as the yargs path, from a file and from stdin', () => {
    const file = fixture('leak', 'after.txt');
    const dump = readFileSync(file);
    for (const [args, input] of [[[file], undefined], [[], dump], [['-'], dump]] as const) {
      for (const extra of [[], ['--json']]) {
        const plain = runCli([...args, ...extra], { input });
        const viaYargs = runCli([...args, ...extra, '--top', '20'], { input });
        assert.equal(plain.code, 0, plain.stderr);
        assert.equal(plain.stdout, viaYargs.stdout);
        assert.equal(plain.stderr, viaYargs.stderr);
        assert.match(plain.stdout, /goroutine/);
      }
    }
  });

  it('fails with the message and exit code of the yargs path', () => {
    const cases: [string[], string | undefined, number][] = [
      [['no/such/dump.txt'], undefined, EXIT.inputError],
      [[], '', EXIT.noDump],
      [[fixture('leak')], undefined, EXIT.inputError],
    ];
    for (const [args, input, code] of cases) {
      const plain = runCli(args, { input });
      const viaYargs = runCli([...args, '--top', '20'], { input });
      assert.equal(plain.code, code, `${args.join(' ')}: ${plain.stderr}`);
      assert.equal(plain.code, viaYargs.code);
      assert.equal(plain.stderr, viaYargs.stderr);
      assert.match(plain.stderr, /^gdump: /);
    }
  });
});
