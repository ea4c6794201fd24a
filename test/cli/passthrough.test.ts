/**
 * --passthrough and `gdump run` on a real `go test -timeout 2s` run of a
 * hung test (fixtures/gen/hungtest): the lines that are not the dump come
 * out byte for byte and in order, the dump is replaced by its summary, and
 * the hung test is named with its goroutine first.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { DumpSplitter } from '../../src/input/dump-splitter.js';
import { runCli } from '../helpers/cli.js';
import { goSkip } from '../helpers/go.js';
import { BIN, FIXTURES, REPO } from '../helpers/paths.js';

const GO_TEST = ['go', '-C', path.join(FIXTURES, 'gen'), 'test', '-tags', 'hungtest', '-count=1', '-v', '-timeout', '2s', './hungtest'];

/** The go test output split where the runtime's dump starts (`panic: test timed out`) and where go test's own lines resume. */
function cut(raw: Buffer): { before: Buffer; after: Buffer } {
  const text = raw.toString('latin1');
  const start = text.indexOf('panic: test timed out after ');
  assert.ok(start > 0, 'the run timed out');
  const fail = /\n(?:FAIL\t|exit status )/.exec(text.slice(start));
  assert.ok(fail !== null, 'go test reported the failure');
  let end = start + fail.index + 1;
  // Blank lines between the dump and FAIL are not the dump's: they pass through.
  while (text[end - 2] === '\n') end--;
  return { before: raw.subarray(0, start), after: raw.subarray(end) };
}

function checkSummary(out: Buffer, raw: Buffer): void {
  const { before: head, after: tail } = cut(raw);
  assert.ok(out.subarray(0, head.length).equals(head), 'the lines before the dump, byte for byte');
  assert.ok(out.subarray(out.length - tail.length).equals(tail), 'the lines after the dump, byte for byte');
  const summary = out.subarray(head.length, out.length - tail.length).toString('utf8');
  assert.match(summary, /^── gdump: the dump of lines \d+-\d+ \(\d+ lines\) in short ──\n/);
  assert.match(summary, /Hung test: TestHangs \(ran 2s\), goroutine \d+ \[chan receive\]:\n {6}gdumpfixtures\/hungtest\.waitForReply\(\.\.\.\) +hung_test\.go:40\n {6}gdumpfixtures\/hungtest\.TestHangs\(/);
  assert.ok(summary.indexOf('Hung test:') < summary.indexOf('COUNT  SHARE'), 'the hung test comes before the table');
  assert.match(summary, /\n +25 +\S+ +chan receive +gdumpfixtures\/hungtest\.TestHangs\.func1 /, 'the 25 subscribers are one row');
  assert.doesNotMatch(summary, /^goroutine \d+ \[/m, 'no raw goroutine block is left');
}

describe('--passthrough on a hung go test', { skip: goSkip() }, () => {
  let raw: Buffer;
  before(() => {
    const r = spawnSync(GO_TEST[0]!, GO_TEST.slice(1), { cwd: REPO });
    raw = Buffer.concat([r.stdout, r.stderr]);
    assert.equal(r.status, 1, raw.toString());
  });

  it('go test … 2>&1 | gdump --passthrough: text byte-identical and in order, the dump summarised, the hung test named', () => {
    const r = spawnSync(process.execPath, [BIN, '--passthrough'], { input: raw, env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 0, r.stderr.toString());
    checkSummary(r.stdout, raw);
  });

  it('gdump run -- CMD: the same stream, passed through the same way, and the exit code of the command', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'gdump-run-')), 'go-test.out');
    writeFileSync(file, raw);
    const r = spawnSync(process.execPath, [BIN, 'run', '--', 'sh', '-c', 'cat "$1"; exit 1', 'sh', file], { env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 1, r.stderr.toString());
    checkSummary(r.stdout, raw);
  });

  it('gdump run -- go test …: a real hung test run, its exit code and the hung test named', () => {
    const r = spawnSync(process.execPath, [BIN, 'run', '--', ...GO_TEST], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(r.status, 1, r.stderr.toString());
    const out = r.stdout.toString();
    assert.match(out, /^=== RUN   TestPasses\n/);
    assert.match(out, /Hung test: TestHangs \(ran 2s\), goroutine \d+ \[chan receive\]:\n {6}gdumpfixtures\/hungtest\.waitForReply/);
    assert.match(out, /\nFAIL\tgdumpfixtures\/hungtest\t[\d.]+s\nFAIL\n$/);
  });
});

describe('the dump splitter', () => {
  function split(chunks: (string | Buffer)[]): { text: Buffer; dumps: string[] } {
    const text: Buffer[] = [];
    const dumps: string[] = [];
    const s = new DumpSplitter({ text: (b) => text.push(Buffer.from(b)), dumpStart: () => dumps.push(''), dumpLine: (l) => (dumps[dumps.length - 1] += l), dumpEnd: () => undefined });
    for (const c of chunks) s.push(typeof c === 'string' ? Buffer.from(c) : c);
    s.end();
    return { text: Buffer.concat(text), dumps };
  }

  it('bytes that are not UTF-8, CRLF, and a last line with no newline pass through unchanged', () => {
    const input = Buffer.concat([Buffer.from('ok \xff\xfe\r\n', 'latin1'), Buffer.from('last line')]);
    assert.ok(split([input]).text.equals(input));
  });

  it('a `panic:` line with no goroutines after it is text', () => {
    const input = 'log: panic: not really\npanic: a log line\nmore text\n';
    assert.deepEqual(split([input]), { text: Buffer.from(input), dumps: [] });
  });

  it('a dump split across chunks mid-line is one dump; the text around it passes through', () => {
    const dump = 'goroutine 1 [running]:\nmain.main()\n\t/app/main.go:3 +0x1\n';
    const input = `before\n${dump}\nafter\n`;
    const chunks = [input.slice(0, 9), input.slice(9, 30), input.slice(30)];
    const r = split(chunks);
    assert.equal(r.text.toString(), 'before\n\nafter\n');
    assert.deepEqual(r.dumps, [dump]);
  });

  it('two dumps in one stream (a SIGQUIT with its register dump, then a panic): both handed over, no line lost, the text in order', () => {
    const sigquit = readFileSync(path.join(FIXTURES, 'crash', 'sigquit.txt'), 'utf8');
    const panic = readFileSync(path.join(FIXTURES, 'crash', 'panic.txt'), 'utf8');
    const input = `log line 1\n${sigquit.trimEnd()}\n\nlog line 2\n${panic.trimEnd()}\nexit status 2\n`;
    const r = split([input]);
    assert.equal(r.dumps.length, 2);
    assert.ok(r.dumps[0]!.startsWith('SIGQUIT: quit\n') && r.dumps[1]!.startsWith('panic: crash fixture'));
    const text = r.text.toString();
    assert.ok(text.startsWith('log line 1\n') && text.endsWith('\nlog line 2\nexit status 2\n'), text);
    assert.match(text, /^rax +0x/m, 'the register dump after the goroutines is text: it passes through');
    const count = (t: string): number => t.split('\n').length - 1;
    assert.equal(count(text) + r.dumps.reduce((n, d) => n + count(d), 0), count(input), 'every line is text or dump');
  });

  it('text is passed on as it arrives, before the input ends', async () => {
    const child = spawn(process.execPath, [BIN, '--passthrough'], { env: { ...process.env, NO_COLOR: '1' } });
    child.stdin.write('first line\n');
    const got = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
    assert.equal(got, 'first line\n');
    child.stdin.end('goroutine 1 [running]:\nmain.main()\n\t/app/main.go:3 +0x1\n');
    const rest = await new Promise<string>((resolve) => {
      let s = '';
      child.stdout.on('data', (d: Buffer) => (s += d.toString()));
      child.on('close', () => resolve(s));
    });
    assert.match(rest, /1 goroutine in 1 site/);
  });

  it('gdump run with a command that does not exist exits 127, as a shell does', () => {
    const r = runCli(['run', '--', 'gdump-no-such-command-here']);
    assert.equal(r.code, 127);
  });
});
