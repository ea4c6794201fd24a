/**
 * The benchmark's dumps, made by fixtures/gen/many and cached under
 * fixtures/.cache/bench/<hash>/ (git-ignored): the hash covers the
 * generator's source and the parameters, so a changed generator makes new
 * dumps and an unchanged one reuses them.
 *
 * The 100k dump is runtime.Stack text: pprof's debug=2 output stops at
 * 64 MiB, which is why the truncated form is the 100 MB text cut at 64 MiB.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../');
const GEN = path.join(REPO, 'fixtures', 'gen');
const CACHE = path.join(REPO, 'fixtures', '.cache');

export interface Dump {
  name: string;
  path: string;
  bytes: number;
}

function generatorHash(params: string): string {
  const h = createHash('sha256').update(params);
  for (const f of ['go.mod', ...readdirSync(path.join(GEN, 'many')).sort().map((f) => `many/${f}`)]) {
    h.update(f).update(readFileSync(path.join(GEN, f)));
  }
  return h.digest('hex').slice(0, 12);
}

/** Builds fixtures/gen/many (the dumps' generator, and the service the watch bench polls). */
export function many(): string {
  const bin = path.join(CACHE, 'bin', 'many');
  mkdirSync(path.dirname(bin), { recursive: true });
  const r = spawnSync('go', ['-C', GEN, 'build', '-o', bin, './many'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`go build ./many failed (Go is needed to make the benchmark dumps):\n${r.stderr ?? r.error}`);
  return bin;
}

/** Writes `file` through a temporary name, so an interrupted run leaves no half-written dump to reuse. */
function make(file: string, write: (tmp: string) => void): Dump {
  if (!existsSync(file)) {
    const tmp = `${file}.tmp`;
    write(tmp);
    renameSync(tmp, file);
  }
  return { name: path.basename(file, '.txt'), path: file, bytes: statSync(file).size };
}

export interface Dumps {
  small: Dump;
  large: Dump;
  truncated: Dump;
  /** Made on first call: it takes a gigabyte of disk. */
  huge: () => Dump;
  startup: Dump;
}

export function dumps(log: (s: string) => void): Dumps {
  const depth = 10;
  const dir = path.join(CACHE, 'bench', generatorHash(`depth=${depth};format=stack`));
  mkdirSync(dir, { recursive: true });
  let bin: string | null = null;
  const generate = (n: number) => (tmp: string) => {
    bin ??= many();
    log(`making ${n} goroutines with fixtures/gen/many…`);
    const out = `${tmp}.txt`;
    const r = spawnSync(bin, ['-n', String(n), '-depth', String(depth), '-format', 'stack', '-out', out], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`many -n ${n} failed:\n${r.stderr}`);
    renameSync(out, tmp);
  };
  const small = make(path.join(dir, 'many-10k.txt'), generate(10_000));
  const large = make(path.join(dir, 'many-100k.txt'), generate(100_000));
  const truncated = make(path.join(dir, 'many-100k-cut-64MiB.txt'), (tmp) => {
    const fd = openSync(tmp, 'w');
    writeSync(fd, readFileSync(large.path).subarray(0, 64 << 20));
    closeSync(fd);
  });
  const copies = Math.ceil(1e9 / large.bytes);
  const huge = (): Dump => make(path.join(dir, `many-100k-x${copies}.txt`), (tmp) => {
    log(`concatenating ${copies} copies of the 100k dump…`);
    const body = readFileSync(large.path);
    const fd = openSync(tmp, 'w');
    for (let i = 0; i < copies; i++) writeSync(fd, body);
    closeSync(fd);
  });
  const startup = make(path.join(dir, 'leak-after-10KB.txt'), (tmp) => copyFileSync(path.join(REPO, 'fixtures', 'leak', 'after.txt'), tmp));
  return { small, large, truncated, huge, startup };
}
