/**
 * `go test -timeout` ends a hung run with `panic: test timed out after 2s`
 * and, since Go 1.21, the tests still running:
 *
 *     panic: test timed out after 2s
 *     	running tests:
 *     		TestHangs (2s)
 *     		TestOther/sub (2s)
 *
 * These name the hung tests; the goroutine running one is the goroutine
 * whose stack holds the test function (`pkg.TestHangs`, or a closure of it
 * for a subtest) under `testing.tRunner`.
 */
import type { Goroutine } from '../model/goroutine.js';
import type { TracebackSnapshot } from '../model/snapshot.js';

export interface HungTest {
  /** As printed: `TestHangs`, `TestOther/sub`. */
  readonly name: string;
  /** How long it had run, as printed (`2s`). */
  readonly ran: string;
  /** The goroutine running it, when found. */
  readonly goroutine: Goroutine | null;
}

const TIMEOUT = /^panic: test timed out after /;
const RUNNING = /^\t\t(\S+) \(([^)]*)\)$/;

/** The `running tests:` of a test timeout panic in the snapshot's messages (none for other dumps). */
export function hungTests(s: TracebackSnapshot): HungTest[] {
  const out: HungTest[] = [];
  for (const m of s.messages) {
    const lines = m.split('\n');
    if (!TIMEOUT.test(lines[0]!)) continue;
    for (const line of lines.slice(1)) {
      const r = RUNNING.exec(line);
      if (r !== null) out.push({ name: r[1]!, ran: r[2]!, goroutine: testGoroutine(s.goroutines, r[1]!) });
    }
  }
  return out;
}

/** The goroutine running a test: a frame of the top-level test function (or its closures) on a testing.tRunner stack; the leaf-most such frame wins for subtests. */
function testGoroutine(goroutines: readonly Goroutine[], name: string): Goroutine | null {
  const top = name.split('/')[0]!;
  let best: { g: Goroutine; depth: number } | null = null;
  for (const g of goroutines) {
    if (!g.frames.some((f) => f.func.full === 'testing.tRunner')) continue;
    let depth = g.frames.findIndex((f) => {
      const fn = f.func.full;
      const at = fn.lastIndexOf(`.${top}`);
      if (at < 0) return false;
      const rest = fn.slice(at + top.length + 1);
      return rest === '' || rest.startsWith('.func');
    });
    if (depth < 0) continue;
    // A subtest runs in a closure of the test function, while its parent waits in t.Run in the function itself.
    if (name.includes('/') && g.frames[depth]!.func.full.includes('.func')) depth -= 0.5;
    if (best === null || depth < best.depth) best = { g, depth };
  }
  return best?.g ?? null;
}
