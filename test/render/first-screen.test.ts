/**
 * What a new user met on the first screen, one test per bug: `-g top` named
 * the creation site, `-g state` printed STATE twice, a diff dropped sites
 * that came and went, threadcreate named its threads goroutines and its
 * stackless records `0x0`, a binary profile was called "(debug=1)" with
 * "1 line read", the mutex column named the waiter, "1 lines passed over",
 * "0 with warnings" under a printed warning, and --json had no version.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { renderLineSummary } from '../../src/render/lines.js';
import { NO_COLOR_PALETTE } from '../../src/render/palette.js';
import { runCli, runJson } from '../helpers/cli.js';
import { fixture } from '../helpers/paths.js';
import { readTruth } from '../helpers/truth.js';

const STATES = fixture('states', 'states.debug2.txt');

interface JsonGroup {
  key: string;
  count: number;
  entry: { function: string } | null;
  frames: { function: string; file: string; line: number }[];
}

describe('the first screen', () => {
  it('-g top: each row is the top frame (function and file:line), not the creation site', () => {
    const json = runJson<{ groups: JsonGroup[] }>([STATES, '-g', 'top', '--top', '0']);
    const text = runCli([STATES, '-g', 'top', '--top', '0', '--stacks', '0']).stdout;
    const rows = text.split('\n').filter((l) => /^\s+\d+\s+\d/.test(l));
    assert.equal(rows.length, json.groups.length);
    for (const g of json.groups) {
      // The key is `function file:line` of the top frame.
      const [, func, file, line] = /^(.*) (\S+):(\d+)$/.exec(g.key)!;
      const row = rows.find((r) => r.includes(` ${func} `) && r.includes(`${file!.split('/').pop()}:${line}`));
      assert.ok(row, `a row for ${g.key}`);
      assert.ok(!row.includes('←'), `no creator on a top-frame row: ${row}`);
    }
    // Two groups of one creator (main.main) differ by their top frames' lines, and the rows say so.
    const truth = readTruth(fixture('states', 'states.truth.json'));
    assert.ok(truth.sites.filter((s) => s.createdBy === 'main.main').length > 1);
  });

  it('-g state: the state is the group, printed once', () => {
    const text = runCli([STATES, '-g', 'state', '--stacks', '0']).stdout;
    const header = text.split('\n').find((l) => l.includes('COUNT'))!;
    assert.equal(header.match(/STATE/g)?.length, 1, header);
  });

  it('diff --top 0 lists every site of the JSON, those that came and went too', () => {
    const inputs = [fixture('leak', 'before.txt'), fixture('crash', 'panic.txt'), fixture('leak', 'before.txt')];
    const json = runJson<{ sites: { counts: number[] }[] }>(['diff', ...inputs]);
    const transient = json.sites.filter((s) => s.counts[0] === 0 && s.counts[s.counts.length - 1] === 0);
    assert.ok(transient.length > 0, 'the middle dump has sites of its own');
    const text = runCli(['diff', ...inputs, '--top', '0', '--stacks', '0']).stdout;
    const rows = text.split('\n').filter((l) => /^ {2}\d+ \d+ \d+ /.test(l));
    assert.equal(rows.length, json.sites.length, text);
    assert.match(text, new RegExp(`Came and went between the first and last snapshot \\(${transient.length}\\)`));
    assert.match(text, new RegExp(`${transient.length} came and went`));
    assert.doesNotMatch(text, /^ {2}0 \d+ 0 .* new /m, 'a site absent first and last is not "new"');
  });

  it('threadcreate: threads, and "(no stack recorded)" for the all-zero records', () => {
    const threads = readTruth(fixture('profiles', 'profiles.truth.json')).threads as number;
    for (const file of ['threadcreate.debug1.txt', 'threadcreate.pb.gz']) {
      const text = runCli([fixture('profiles', file), '--stacks', '1']).stdout;
      assert.match(text, new RegExp(`threadcreate profile.*, ${threads} threads in`), file);
      assert.match(text, /\(no stack recorded\)/, file);
      assert.doesNotMatch(text, /^\s+\d+\s+[\d.]+%\s+0x0$/m, file);
      assert.doesNotMatch(text, /goroutines/, file);
    }
  });

  it('a binary profile is called binary, and no line count is made up for it', () => {
    const text = runCli([fixture('profiles', 'goroutine.pb.gz'), '--stacks', '0']).stdout;
    assert.match(text, /goroutine profile \(binary\)/);
    assert.doesNotMatch(text, /debug=1|lines? read/);
    assert.match(runCli([fixture('profiles', 'goroutine.debug1.txt'), '--stacks', '0']).stdout, /goroutine profile \(debug=1\)[\s\S]*\d+ lines read/);
  });

  it('mutex profiles name the unlocking function, block profiles the waiting one', () => {
    const unlocker = (readTruth(fixture('profiles', 'profiles.truth.json')).contention as { mutex: { function: string }[] }).mutex[0]!.function;
    const mutex = runCli([fixture('profiles', 'mutex.debug1.txt'), '--stacks', '0']).stdout;
    assert.match(mutex, new RegExp(`SITE \\(unlocking function\\)\\n.*${unlocker.replace(/[.*()]/g, '\\$&')}`));
    assert.match(runCli([fixture('profiles', 'block.debug1.txt'), '--stacks', '0']).stdout, /SITE \(waiting function\)/);
  });

  it('"1 line passed over", not "1 lines"', () => {
    const r = runCli([], { input: 'hello\n' });
    assert.equal(r.code, 3);
    assert.match(r.stderr, /\(1 line passed over: 1\)/);
  });

  it('the line summary does not say "0 with warnings" under a warning about no line', () => {
    const [line] = renderLineSummary({ total: 10, parsed: 8, skipped: 2, warned: 0 }, [], NO_COLOR_PALETTE, 1);
    assert.match(line!, /0 with warnings; 1 warning above/);
    const [clean] = renderLineSummary({ total: 10, parsed: 10, skipped: 0, warned: 0 }, [], NO_COLOR_PALETTE, 0);
    assert.doesNotMatch(clean!, /above/);
  });

  it('--json starts with "schema": 1: a snapshot, several, a profile, a diff', () => {
    const first = (text: string): string => text.split('\n')[1]!.trim();
    assert.equal(first(runCli([STATES, '--json']).stdout), '"schema": 1,');
    assert.equal(first(runCli([fixture('profiles', 'heap.debug1.txt'), '--json']).stdout), '"schema": 1,');
    assert.equal(first(runCli(['diff', fixture('leak', 'before.txt'), fixture('leak', 'after.txt'), '--json']).stdout), '"schema": 1,');
    const two = JSON.parse(runCli(['--json'], { input: `${runCli(['--format', 'traceback', STATES]).stdout}\n${runCli(['--format', 'traceback', STATES]).stdout}` }).stdout) as { schema: number; snapshots: { schema: number }[] };
    assert.equal(two.schema, 1);
    assert.equal(two.snapshots.length, 2);
    assert.ok(two.snapshots.every((s) => s.schema === 1));
  });

  it('a heap diff with no GC between its snapshots says so, and names ?gc=1', () => {
    const before = fixture('leak', 'heap-before.txt');
    const numGc = /^# NumGC = (\d+)$/m.exec(readFileSync(before, 'utf8'))![1];
    const same = runCli(['diff', before, before, '--stacks', '0']).stdout;
    assert.match(same, new RegExp(`no garbage collection between the snapshots \\(NumGC ${numGc} in each\\).*heap\\?gc=1`));
    const moved = runCli(['diff', before, fixture('leak', 'heap-after.txt'), '--stacks', '0']).stdout;
    assert.doesNotMatch(moved, /no garbage collection/);
  });

  it('recursion: a run of one function is its first frame and `… N × function`', () => {
    const deep = readTruth(fixture('states', 'states.truth.json')).sites.find((t) => t.scenario === 'deep')!;
    const json = runJson<{ groups: JsonGroup[] }>([STATES, '--focus', `^${deep.entry.replace(/\./g, '\\.')}$`]);
    const frames = json.groups[0]!.frames.filter((f) => f.function === 'main.recurse').length;
    assert.ok(frames >= 3, 'the deep scenario recurses');
    const text = runCli([STATES, '--focus', `^${deep.entry.replace(/\./g, '\\.')}$`, '--stacks', '1']).stdout;
    assert.equal(text.split('\n').filter((l) => /^\s+main\.recurse\(/.test(l)).length, 1);
    assert.match(text, new RegExp(`^\\s+… ${frames - 1} × main\\.recurse  main\\.go:\\d+$`, 'm'));
  });
});
