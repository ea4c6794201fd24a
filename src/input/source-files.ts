/**
 * Finding a dump's source files on this machine, to show the lines around a
 * frame (as pprof's `list` does). A dump names files as they were on the
 * machine that built the program; they are looked for, in order:
 *
 *   1. through each `--path-map FROM=TO` (a CI checkout → the local one);
 *   2. as printed;
 *   3. the dump's GOROOT (read off its runtime frames) → the local
 *      `go env GOROOT` (a container's /usr/local/go → this machine's Go);
 *   4. a module cache path (`…/pkg/mod/m@v/f.go`), or a `-trimpath` module
 *      path (`m@v/f.go`) → the local `go env GOMODCACHE`;
 *   5. under each `--source-root DIR`: the path, then the path without its
 *      first element, and so on (a `-trimpath` main module `example.com/app/x.go`,
 *      or a CI directory), so `DIR/x.go` or `DIR/app/x.go` is found.
 *
 * File reads are cached; a file that cannot be read is simply not found.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface PathMap {
  readonly from: string;
  readonly to: string;
}

export interface SourceOptions {
  readonly roots?: readonly string[];
  readonly pathMaps?: readonly PathMap[];
  /** GOROOT of the machine that made the dump, when known (FrameClassifier.goroot). */
  readonly dumpGoroot?: string | null;
  /** The local Go's GOROOT and GOMODCACHE; by default asked of `go env` on first need. */
  readonly localGo?: { goroot: string | null; gomodcache: string | null };
}

/** One source line: its number and text (tabs kept). */
export interface SourceLine {
  readonly number: number;
  readonly text: string;
}

/** `FROM=TO` (the last `=` splits, so FROM may hold one). */
export function parsePathMap(spec: string): PathMap | null {
  const at = spec.lastIndexOf('=');
  if (at <= 0 || at === spec.length - 1) return null;
  return { from: spec.slice(0, at), to: spec.slice(at + 1) };
}

function localGoEnv(): { goroot: string | null; gomodcache: string | null } {
  const r = spawnSync('go', ['env', 'GOROOT', 'GOMODCACHE'], { encoding: 'utf8', timeout: 10_000 });
  if (r.status !== 0) return { goroot: null, gomodcache: null };
  const [goroot, gomodcache] = r.stdout.split('\n').map((s) => s.trim());
  return { goroot: goroot || null, gomodcache: gomodcache || null };
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

export class SourceFiles {
  private go: { goroot: string | null; gomodcache: string | null } | null;
  private readonly found = new Map<string, string | null>();
  private readonly texts = new Map<string, string[] | null>();

  constructor(private readonly options: SourceOptions = {}) {
    this.go = options.localGo ?? null;
  }

  private localGo(): { goroot: string | null; gomodcache: string | null } {
    return (this.go ??= localGoEnv());
  }

  /** The local path of a file as the dump prints it, or null when it is not on this machine. */
  resolve(file: string): string | null {
    if (file === '' || file === '??' || file.startsWith('<')) return null;
    const known = this.found.get(file);
    if (known !== undefined) return known;
    let hit: string | null = null;
    for (const c of this.candidates(file)) {
      if (isFile(c)) {
        hit = c;
        break;
      }
    }
    this.found.set(file, hit);
    return hit;
  }

  private *candidates(file: string): Generator<string> {
    for (const m of this.options.pathMaps ?? []) if (file.startsWith(m.from)) yield m.to + file.slice(m.from.length);
    if (path.isAbsolute(file)) yield file;
    const dumpGoroot = this.options.dumpGoroot ?? null;
    if (dumpGoroot !== null && file.startsWith(dumpGoroot + '/')) {
      const goroot = this.localGo().goroot;
      if (goroot !== null) yield goroot + file.slice(dumpGoroot.length);
    }
    const mod = file.indexOf('/pkg/mod/');
    const modPath = mod >= 0 ? file.slice(mod + 9) : !path.isAbsolute(file) && /^[^/]+\.[^/]+\/.*@v[^/]*\//.test(file) ? file : null;
    if (modPath !== null) {
      const cache = this.localGo().gomodcache;
      if (cache !== null) yield path.join(cache, modPath);
    }
    // -trimpath standard library paths (`runtime/proc.go`) and Bazel's `GOROOT/src/…`.
    if (!path.isAbsolute(file)) {
      const goroot = this.localGo().goroot;
      const rel = file.startsWith('GOROOT/') ? file.slice(7) : `src/${file}`;
      if (goroot !== null) yield path.join(goroot, rel);
    }
    const parts = file.split('/').filter((p) => p !== '');
    for (const root of this.options.roots ?? []) for (let i = 0; i < parts.length; i++) yield path.join(root, ...parts.slice(i));
  }

  /** Lines `line - context` … `line + context` of the file, or null when it cannot be found or is shorter. */
  lines(file: string, line: number, context = 3): SourceLine[] | null {
    const local = this.resolve(file);
    if (local === null || line <= 0) return null;
    let text = this.texts.get(local);
    if (text === undefined) {
      try {
        text = readFileSync(local, 'utf8').split('\n');
      } catch {
        text = null;
      }
      this.texts.set(local, text);
    }
    if (text === null || line > text.length) return null;
    const out: SourceLine[] = [];
    for (let n = Math.max(1, line - context); n <= Math.min(text.length, line + context); n++) out.push({ number: n, text: text[n - 1]!.replace(/\r$/, '') });
    return out;
  }
}
