/**
 * Dump text is untrusted: escape sequences in label values, panic messages,
 * function names and file paths must never reach a terminal raw, in any
 * human output; JSON keeps the exact text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';

const ESC = '\u001b';
/** Colour codes (CSI): gdump takes them off as a wrapper when it sees them on the first lines. */
const csiDump = [
  `panic: ${ESC}[2J${ESC}]0;pwned${ESC}\\ boom`,
  '',
  `goroutine 7 [chan receive${ESC}[5m labels:{"user": "\\x1b[31mroot\\x1b[0m"}, 3 minutes]:`,
  `main.evil${ESC}[8m(0x1)`,
  `\t/srv/${ESC}[1mapp/main.go:12 +0x1d`,
  `created by main.spawn${ESC}[K in goroutine 1`,
  `\t/srv/app/${ESC}]8;;http://x${ESC}\\main.go:9 +0x2a`,
  '',
].join('\n');

/** No CSI anywhere, so nothing is unwrapped: OSC titles, bell, a bare ESC, a C1 CSI and a bidi override reach the renderers. */
const rawDump = [
  `panic: ${ESC}]2;title${'\u0007'} boom`,
  '',
  `goroutine 7 [chan receive labels:{"user": "\\x1b]0;root\\x07"}, 3 minutes]:`,
  `main.evil${ESC}c\u009b2J\u202e(0x1)`,
  `\t/srv/${ESC}Papp/main.go:12 +0x1d`,
  `created by main.spawn${ESC}7 in goroutine 1`,
  `\t/srv/app/main${'\u0007'}.go:9 +0x2a`,
  '',
].join('\n');

describe('terminal safety', () => {
  const runs = [['-'], ['-', '--group-by', 'stack'], ['-', '--group-by', 'state'], ['-', '--group-by', 'label:user'], ['-', '--stacks', '5', '--full-paths'], ['-', '--color']];
  for (const [name, dump] of [['colour codes', csiDump], ['raw control characters', rawDump]] as const) {
    for (const args of runs) {
    it(`${name}: gdump ${args.join(' ')} writes no raw ESC byte`, () => {
      const r = runCli(args, { input: dump });
      assert.equal(r.code, 0, r.stderr);
      assert.ok(r.stdout.includes('main.evil'), r.stdout);
      // --color adds gdump's own SGR codes: every ESC must then be one of the palette's `ESC[Nm`.
      const raw = args.includes('--color') ? r.stdout.replace(/\u001b\[\d+m/g, '') : r.stdout;
      assert.ok(!raw.includes(ESC), JSON.stringify(r.stdout));
      assert.ok(!r.stderr.includes(ESC), JSON.stringify(r.stderr));
      assert.ok(!/[\u0007\u009b\u202e]/.test(raw), JSON.stringify(r.stdout));
      if (dump === rawDump) assert.ok(r.stdout.includes('\\x1b') && r.stdout.includes('\\u202e'), `the escapes are shown, not dropped: ${r.stdout}`);
    });
    }
  }

  it('JSON keeps the exact text', () => {
    const r = runCli(['-', '--json'], { input: rawDump });
    const j = JSON.parse(r.stdout) as { messages: string[]; groups: { labels?: Record<string, string>; frames: { function: string; file: string }[] }[] };
    assert.equal(j.messages[0], `panic: ${ESC}]2;title\u0007 boom`);
    assert.equal(j.groups[0]!.frames[0]!.function, `main.evil${ESC}c\u009b2J\u202e`);
    assert.equal(j.groups[0]!.frames[0]!.file, `/srv/${ESC}Papp/main.go`);
    assert.equal(j.groups[0]!.labels?.user, `${ESC}]0;root\u0007`);
  });

  it('--strict turns warnings into exit 1, and a clean read exits 0', () => {
    const clean = 'goroutine 1 [running]:\nmain.main()\n\t/m.go:3 +0x1\n';
    const cut = clean.slice(0, clean.indexOf(' +0x1'));
    assert.equal(runCli(['-', '--strict'], { input: cut }).code, 1);
    assert.equal(runCli(['-'], { input: cut }).code, 0);
    assert.equal(runCli(['-', '--strict'], { input: clean }).code, 0);
  });
});
