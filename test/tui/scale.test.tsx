/**
 * 100,000 goroutines in 10,000 groups: every key press goes through the
 * running app (reducer, React, Ink's layout and output), timed by CPU time
 * and wall time, and the pure reducer is timed on its own. The numbers are
 * reported (--test-reporter=spec shows them); only a loose bound on the
 * median CPU time, which catches an accidental O(n) render or O(n²) filter,
 * is asserted, so a loaded CI machine does not fail the suite.
 * GDUMP_TUI_BUDGET_MS=50 asserts the real target.
 */
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { App } from '../../src/tui/App.js';
import { reduce, type TuiState } from '../../src/tui/state.js';
import type { TuiModel } from '../../src/tui/model.js';
import { bytesOf, keyOf, modelOfText, startState, stripAnsi } from './support.js';

const GROUPS = 10_000;
const PER_GROUP = 10;

/** A dump like a service with 10,000 distinct `go` statements, each with 10 goroutines blocked in a channel receive. */
function syntheticDump(): string {
  const parts: string[] = ['goroutine 1 [running]:\nmain.main()\n\t/src/app/main.go:5 +0x1d\n'];
  let id = 2;
  for (let k = 0; k < GROUPS; k++) {
    for (let j = 0; j < PER_GROUP; j++, id++) {
      const wait = (k * 7 + j) % 50;
      parts.push(
        `goroutine ${id} [chan receive${wait > 0 ? `, ${wait} minutes` : ''}]:\n` +
          'runtime.gopark(0x0?, 0x0?, 0x0?, 0x0?, 0x0?)\n\t/usr/local/go/src/runtime/proc.go:435 +0xce\n' +
          'runtime.chanrecv(0xc000100000, 0x0, 0x1)\n\t/usr/local/go/src/runtime/chan.go:664 +0x445\n' +
          `main.worker${k}(0xc${id.toString(16).padStart(9, '0')})\n\t/src/app/workers/w${k % 100}.go:${k + 10} +0x25\n` +
          `created by main.spawn in goroutine 1\n\t/src/app/main.go:${k + 100} +0x30\n`,
      );
    }
  }
  return parts.join('\n');
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface Timing {
  reducer: number;
  wallMs: number;
  cpuMs: number;
}

describe('100,000 goroutines in 10,000 groups', () => {
  it('each key press (reducer + render) stays fast, and only the visible rows are rendered', async (t) => {
    const t0 = performance.now();
    const model: TuiModel = modelOfText(syntheticDump(), 'synthetic');
    const parsed = performance.now();
    const initial: TuiState = startState(model, 120, 40);
    const groups = model.grouping('site').groups;
    const built = performance.now();
    assert.equal(groups.length, GROUPS + 1, 'one group per go statement, plus main');
    assert.equal(model.grouping('site').total, GROUPS * PER_GROUP + 1);
    t.diagnostic(`parse ${(parsed - t0).toFixed(0)} ms, model + grouping ${(built - parsed).toFixed(0)} ms`);

    // The pure reducer alone, on the same key sequence as below.
    let state = initial;
    const timings = new Map<string, Timing[]>();
    const app = render(<App model={model} initial={initial} />);
    const frame = (): string => stripAnsi(app.lastFrame() ?? '');
    const step = async (name: string): Promise<string> => {
      const { input, key } = keyOf(name);
      const r0 = performance.now();
      state = reduce(model, state, { type: 'key', input, key });
      const reducer = performance.now() - r0;
      const before = app.frames.length;
      const cpu0 = process.cpuUsage();
      const w0 = performance.now();
      app.stdin.write(bytesOf(name));
      // A lone Esc is held by Ink for a moment (it may start a sequence); other keys render at once.
      const until = w0 + 5000;
      while (app.frames.length === before && performance.now() < until) await new Promise((r) => setImmediate(r));
      const wallMs = performance.now() - w0;
      const cpu = process.cpuUsage(cpu0);
      const label = name.length === 1 && state.editingFilter && name !== '/' ? 'filter char' : name;
      timings.set(label, [...(timings.get(label) ?? []), { reducer, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }]);
      return frame();
    };
    try {
      await new Promise((r) => setTimeout(r, 50));
      let f = await step('j');
      assert.equal(f.split('\n').length, state.height, 'the frame is one screen, not one line per group');
      for (let i = 0; i < 30; i++) await step('j');
      for (let i = 0; i < 5; i++) await step('pgdn');
      f = await step('end');
      assert.match(f, /10,001\/10,001/);
      await step('home');
      await step('/');
      for (const c of 'worker123') f = await step(c);
      // worker123 and worker1230…worker1239: 11 entry functions match.
      assert.match(f, /\/worker123\/ 11 of 10,001/);
      await step('enter');
      f = await step('enter');
      assert.match(f, /MEMBERS \(10, Enter opens one\)/);
      await step('enter');
      for (let i = 0; i < 3; i++) await step('esc');
      f = await step('o');
      assert.match(f, /sorted by name/);
      await step('o');
      await step('o');
      f = await step('j');
      assert.match(f, /sorted by count/);
      // Regrouping builds a new grouping of all 100,001 goroutines once (then it is cached): reported apart.
      for (let i = 0; i < model.groupByModes.length; i++) await step('g');
    } finally {
      app.unmount();
    }

    const report: string[] = [];
    let worstCpu = 0;
    for (const [name, list] of timings) {
      const cpu = list.map((x) => x.cpuMs);
      if (name !== 'g') worstCpu = Math.max(worstCpu, median(cpu));
      report.push(
        `${name} ×${list.length}: reducer ${median(list.map((x) => x.reducer)).toFixed(2)} ms, reducer+render cpu median ${median(cpu).toFixed(1)} / max ${Math.max(...cpu).toFixed(1)} ms, wall median ${median(list.map((x) => x.wallMs)).toFixed(1)} ms`,
      );
    }
    for (const line of report) t.diagnostic(line);
    const budget = Number(process.env.GDUMP_TUI_BUDGET_MS ?? 1000);
    assert.ok(worstCpu < budget, `slowest key (median CPU) took ${worstCpu.toFixed(0)} ms (budget ${budget} ms)`);
  });
});
