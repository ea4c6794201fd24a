/**
 * `npm run bench`: gdump against its peers and the machine's floor on big
 * real dumps. For each dump: `gdump --json` end to end, the parse alone,
 * the floor (read + split('\n') + count) and the Go peers (gostackparse
 * parse only; panicparse parse + aggregate, under a time limit), each as
 * its own process, interleaved round by round: wall seconds, MB/s,
 * goroutines/s, peak RSS, and each as a ratio to gostackparse. Then
 * start-up and linearity, checked against the targets of the speed issue.
 * Writes bench/RESULTS.md.
 *
 *   npm run bench               everything (makes the dumps on first run)
 *   npm run bench -- --no-huge  skip the ≥ 1 GB dump
 *   npm run bench -- --startup  only the start-up section (printed, RESULTS.md untouched)
 */
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dumps, many, REPO, type Dump } from './data.js';
import { interleaved, median, run, type Run } from './measure.js';
import { peers, type Peers } from './peers.js';
import { diffOf, SIMILARITY_LEVELS, stackGrouping, watchService } from './scenarios.js';

const log = (s: string): void => void process.stderr.write(`${s}\n`);
const NODE = process.execPath;
const GDUMP = path.join(REPO, 'bin', 'gdump.cjs');
const FLOOR = path.join(REPO, 'dist', 'bench', 'floor.js');
const PARSE = path.join(REPO, 'dist', 'bench', 'parse-only.bundle.js');

/** The parse-alone script is bundled like the CLI, so both pay the same (small) module loading. */
async function bundleParseOnly(): Promise<void> {
  await build({
    entryPoints: [path.join(REPO, 'bench', 'parse-only.ts')],
    outfile: PARSE,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __gdumpRequire } from 'node:module'; const require = __gdumpRequire(import.meta.url);" },
  });
}
const MB = 1e6;

interface Row {
  dump: Dump;
  goroutines: number;
  floor: Run;
  gdump: Run;
  parse: Run;
  gostackparse: Run;
  /** Null where it was not run (the ≥ 1 GB dump: it holds every goroutine, gigabytes). */
  panicparse: Run | null;
}

/** panicparse's time limit per dump: it aggregates slowly on big dumps, and the bench must end. */
const PANICPARSE_LIMIT_S = 60;

function machine(): string {
  const cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const memGiB = (os.totalmem() / 2 ** 30).toFixed(0);
  return `${os.availableParallelism()} cores (nproc), ${cpu}, ${memGiB} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}

const load = (): string => os.loadavg().map((l) => l.toFixed(1)).join(' ');
const f1 = (x: number): string => x.toFixed(1);
const f2 = (x: number): string => x.toFixed(2);
const rss = (r: Run): string => (r.rssMiB === null ? 'n/a' : r.rssMiB.toFixed(0));
const rate = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : `${(n / 1e3).toFixed(0)} k`);

function measure(dump: Dump, runs: number, peer: Peers, withPanicparse: boolean): Row {
  log(`${dump.name} (${f1(dump.bytes / MB)} MB): floor, gostackparse, gdump --json, parse alone × ${runs} interleaved${withPanicparse ? `, panicparse once (limit ${PANICPARSE_LIMIT_S} s)` : ''}…`);
  const r = interleaved(runs, {
    floor: () => run(NODE, [FLOOR, dump.path]),
    gostackparse: () => run(peer.gostackparse, [dump.path]),
    gdump: () => run(NODE, [GDUMP, dump.path, '--json'], { keepStdout: false }),
    parse: () => run(NODE, [PARSE, dump.path]),
  });
  const panicparse = withPanicparse ? run(peer.panicparse, [dump.path], { limitSeconds: PANICPARSE_LIMIT_S }) : null;
  const goroutines = Number(r.floor.stdout.trim());
  for (const [what, x] of [['the parse', r.parse], ['gostackparse', r.gostackparse]] as const) {
    const n = Number(x.stdout.trim());
    if (n !== goroutines) log(`  note: ${what} read ${n} goroutines, the floor counted ${goroutines} header lines`);
  }
  return { dump, goroutines, ...r, panicparse };
}

/** `x` over gostackparse's figure, or n/a. */
function ratio(x: number | null, peer: number | null): string {
  return x === null || peer === null ? 'n/a' : f2(x / peer);
}

function table(rows: Row[]): string[] {
  const out = [
    '| dump | MB | goroutines | run | wall s | MB/s | goroutines/s | peak RSS MiB | × floor | wall × gostackparse | RSS × gostackparse |',
    '|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const mb = r.dump.bytes / MB;
    const runs: [string, Run | null][] = [
      ['gdump --json', r.gdump],
      ['parse alone', r.parse],
      ['floor (split)', r.floor],
      ['gostackparse (Go, parse only)', r.gostackparse],
      ['panicparse (Go, parse + aggregate)', r.panicparse],
    ];
    for (const [what, x] of runs) {
      const head = `| ${r.dump.name} | ${f1(mb)} | ${r.goroutines.toLocaleString('en')} | ${what} |`;
      if (x === null) out.push(`${head} not run | | | | | | |`);
      else if (!x.finished) out.push(`${head} did not finish in ${x.seconds} s | | | ${rss(x)} (when stopped) | | | |`);
      else {
        const cells = [f2(x.seconds), f1(mb / x.seconds), rate(r.goroutines / x.seconds), rss(x), f2(x.seconds / r.floor.seconds)];
        out.push(`${head} ${cells.join(' | ')} | ${ratio(x.seconds, r.gostackparse.seconds)} | ${ratio(x.rssMiB, r.gostackparse.rssMiB)} |`);
      }
    }
  }
  return out;
}

interface Startup {
  node: number[];
  version: number[];
  small: number[];
  stdin: number[];
}

/**
 * Start-up, interleaved with `node -e 0` so each round meets the same noise:
 * on this shared box Node's own start varies 80-140 ms from minute to minute.
 */
function startup(file: Dump, runs: number): Startup {
  log(`start-up: node -e 0, gdump --version, a ${(file.bytes / 1e3).toFixed(0)} KB dump as a file and on stdin × ${runs}…`);
  const out: Startup = { node: [], version: [], small: [], stdin: [] };
  for (let i = 0; i < runs; i++) {
    out.node.push(run(NODE, ['-e', '0']).seconds);
    out.version.push(run(NODE, [GDUMP, '--version']).seconds);
    out.small.push(run(NODE, [GDUMP, file.path], { keepStdout: false }).seconds);
    out.stdin.push(run(NODE, [GDUMP], { keepStdout: false, stdinFile: file.path }).seconds);
  }
  return out;
}

function check(ok: boolean, what: string): string {
  return `- ${ok ? 'met' : '**missed**'}: ${what}`;
}

/** How far past Node's own start gdump may be: the start-up target, on the best runs of one interleaved series. */
const STARTUP_MARGIN_S = 0.06;
const ms = (s: number): string => `${(s * 1000).toFixed(0)} ms`;

function startupLines(start: Startup, dump: Dump): [report: string, verdict: string] {
  const kb = (dump.bytes / 1e3).toFixed(0);
  const node = Math.min(...start.node);
  const [version, small] = [Math.min(...start.version), Math.min(...start.small)];
  return [
    `Start-up (20 interleaved runs, min / median): \`node -e 0\` ${ms(node)} / ${ms(median(start.node))}; \`gdump --version\` ${ms(version)} / ${ms(median(start.version))}; a ${kb} KB dump ${ms(small)} / ${ms(median(start.small))} as a file, ${ms(Math.min(...start.stdin))} / ${ms(median(start.stdin))} on stdin.`,
    check(
      version - node <= STARTUP_MARGIN_S && small - node <= STARTUP_MARGIN_S,
      `start-up within ${ms(STARTUP_MARGIN_S)} of \`node -e 0\` (best runs): --version +${ms(version - node)}, ${kb} KB dump +${ms(small - node)} (node -e 0: ${ms(node)})`,
    ),
  ];
}

/** ≤ 200 MiB, and flat: at most 1.25 × the peak of the run with fewer snapshots. */
function flat(what: string, many: Run, few: Run, fewName: string): string {
  const ratio = many.rssMiB !== null && few.rssMiB !== null ? many.rssMiB / few.rssMiB : NaN;
  const unfinished = [many, few].some((r) => !r.finished) ? ` (a run did not finish in ${Math.max(many.seconds, few.seconds)} s: peak when stopped)` : '';
  return check(many.finished && many.rssMiB !== null && many.rssMiB <= 200 && ratio <= 1.25, `${what} ≤ 200 MiB and ≤ 1.25 × the peak with ${fewName}: ${rss(many)} MiB, ${f2(ratio)} ×${unfinished}`);
}

const huge = !process.argv.includes('--no-huge');
const loadBefore = load();
await bundleParseOnly();
const d = dumps(log);
// Start-up first, before the big runs churn memory and the page cache.
const start = startup(d.startup, 20);
if (process.argv.includes('--startup')) {
  process.stdout.write(`${startupLines(start, d.startup).join('\n')}\n`);
  process.exit(0);
}
const peer = peers(log);
const rows = [measure(d.small, 3, peer, true), measure(d.large, 3, peer, true), measure(d.truncated, 3, peer, true)];
if (huge) rows.push(measure(d.huge(), 1, peer, false));
const [small, large] = [rows[0]!, rows[1]!];
log(`${large.dump.name}: --group-by site and stack at each similarity × 2 interleaved…`);
const grouping = stackGrouping(large.dump, 2);
log(`${large.dump.name}: diff of 2 and of 10 copies…`);
const diffs = { two: diffOf(large.dump, 2), ten: diffOf(large.dump, 10) };
log(`${large.dump.name}: the TUI's first regroup × 3…`);
const regroups = [0, 1, 2].map(() => run(NODE, [path.join(REPO, 'dist', 'bench', 'tui-regroup.js'), large.dump.path]).stdout.trim().split(' '));
const regroupMode = regroups[0]![0]!;
const regroupMs = Math.min(...regroups.map((r) => Number(r[1])));
log('watch of a live 100k-goroutine service (fixtures/gen/many -serve): 5, then 60 snapshots…');
const watch = await watchService(many(), 100_000, 5, 60);
const loadAfter = load();

const e2eRatio = large.gdump.seconds / large.floor.seconds;
const peerRatio = large.gdump.seconds / large.gostackparse.seconds;
const gRatio = large.goroutines / small.goroutines;
const linearE2e = large.gdump.seconds / small.gdump.seconds;
const linearParse = large.parse.seconds / small.parse.seconds;
const [startupReport, startupVerdict] = startupLines(start, d.startup);
const lines = [
  '# Benchmark results',
  '',
  `Machine: ${machine()}. Load average (1, 5, 15 min) ${loadBefore} at the start, ${loadAfter} at the end.`,
  `Dumps: fixtures/gen/many (six go statements, six wait states, 10 recursion frames each; runtime.Stack text), cached in fixtures/.cache/bench/. Best of 3 interleaved runs (1 for the ≥ 1 GB dump; panicparse once, stopped after ${PANICPARSE_LIMIT_S} s, and not on the ≥ 1 GB dump); peak RSS is the highest seen (/usr/bin/time %M).`,
  'Peers (bench/peers/, built with `go build`): gostackparse = github.com/DataDog/gostackparse v0.7.0 `Parse` (parse only); panicparse = github.com/maruel/panicparse/v2 v2.5.0 `ScanSnapshot` + `Aggregate(AnyPointer)` (its default similarity).',
  '',
  ...table(rows),
  '',
  startupReport,
  '',
  `Linearity: ${gRatio.toFixed(1)}× the goroutines took ${f2(linearE2e)}× the time end to end and ${f2(linearParse)}× for the parse alone.`,
  '',
  `Grouping on ${large.dump.name} (\`gdump --json\`, best of 2 interleaved): site ${f2(grouping.site.seconds)} s / ${rss(grouping.site)} MiB; ${SIMILARITY_LEVELS.map((l) => `stack ${l} ${f2(grouping[l].seconds)} s / ${rss(grouping[l])} MiB`).join('; ')}.`,
  '',
  `Many snapshots: \`gdump diff --json\` of 2 copies of ${large.dump.name} ${f2(diffs.two.seconds)} s / ${rss(diffs.two)} MiB, of 10 copies ${f2(diffs.ten.seconds)} s / ${rss(diffs.ten)} MiB. \`gdump watch --json\` of a live service (${watch.goroutines.toLocaleString('en')} goroutines, ${f1(watch.snapshotBytes / MB)} MB per debug=2 snapshot): ${watch.few.count} snapshots ${f1(watch.few.run.seconds)} s / ${rss(watch.few.run)} MiB, ${watch.many.count} snapshots ${f1(watch.many.run.seconds)} s / ${rss(watch.many.run)} MiB.`,
  '',
  'Targets:',
  check(peerRatio <= 1.0, `100 MB \`gdump --json\` end to end ≤ 1.0 × gostackparse's wall: ${f2(peerRatio)} × (${f2(large.gdump.seconds)} s vs ${f2(large.gostackparse.seconds)} s)`),
  check(large.gdump.rssMiB !== null && large.gdump.rssMiB <= 120, `100 MB peak RSS ≤ 120 MiB: ${rss(large.gdump)} MiB (gostackparse ${rss(large.gostackparse)} MiB)`),
  check(e2eRatio <= 1.5, `100 MB end to end ≤ 1.5 × floor: ${f2(e2eRatio)} × (${f2(large.gdump.seconds)} s vs ${f2(large.floor.seconds)} s)`),
];
if (huge) {
  const h = rows[3]!;
  const ratio = h.gdump.rssMiB !== null && large.gdump.rssMiB !== null ? h.gdump.rssMiB / large.gdump.rssMiB : NaN;
  lines.push(check(ratio <= 1.25, `${f1(h.dump.bytes / 1e9)} GB completes with peak RSS ≤ 1.25 × the 100 MB run's: ${rss(h.gdump)} MiB, ${f2(ratio)} ×`));
}
lines.push(
  startupVerdict,
  check(linearE2e <= 1.1 * gRatio, `10 × goroutines ≤ 11 × time: ${f2(linearE2e)} × end to end`),
  ...SIMILARITY_LEVELS.map((l) => {
    const r = grouping[l];
    const ratio = r.seconds / grouping.site.seconds;
    return check(ratio <= 1.5 && r.rssMiB !== null && r.rssMiB <= 200, `--group-by stack --similarity ${l} ≤ 1.5 × the site grouping's time and ≤ 200 MiB: ${f2(ratio)} ×, ${rss(r)} MiB`);
  }),
  flat(`diff of 10 × 100k-goroutine dumps`, diffs.ten, diffs.two, '2'),
  flat(`watch of a 100k-goroutine service, ${watch.many.count} snapshots`, watch.many.run, watch.few.run, String(watch.few.count)),
  check(regroupMs <= 200, `TUI on ${large.dump.name}, first regroup (\`g\`, site → ${regroupMode}) ≤ 200 ms (best of 3, in process): ${regroupMs.toFixed(0)} ms`),
  '',
);
const report = lines.join('\n');
process.stdout.write(report);
writeFileSync(path.join(REPO, 'bench', 'RESULTS.md'), report);
log('written to bench/RESULTS.md');
