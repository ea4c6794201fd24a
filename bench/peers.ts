/**
 * The peers gdump is measured against: small Go mains under bench/peers/
 * (their own module, whose go.sum pins the libraries), built here with
 * `go build` from the Go module proxy and cached under
 * fixtures/.cache/bin/peers-<hash>/, the hash covering the module's files.
 *
 *   gostackparse  github.com/DataDog/gostackparse v0.7.0: Parse on the file, prints the goroutine count
 *   panicparse    github.com/maruel/panicparse/v2 v2.5.0: ScanSnapshot + Aggregate (default similarity)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './data.js';

const MODULE = path.join(REPO, 'bench', 'peers');

export interface Peers {
  gostackparse: string;
  panicparse: string;
}

function moduleFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, rel)).sort()) {
    const file = path.join(rel, name);
    if (statSync(path.join(dir, file)).isDirectory()) out.push(...moduleFiles(dir, file));
    else out.push(file);
  }
  return out;
}

function moduleHash(): string {
  const h = createHash('sha256');
  for (const f of moduleFiles(MODULE)) h.update(f).update(readFileSync(path.join(MODULE, f)));
  return h.digest('hex').slice(0, 12);
}

/** Builds both peers (once per content of bench/peers/) and returns their paths. */
export function peers(log: (s: string) => void): Peers {
  const dir = path.join(REPO, 'fixtures', '.cache', 'bin', `peers-${moduleHash()}`);
  mkdirSync(dir, { recursive: true });
  const built = (name: keyof Peers): string => {
    const bin = path.join(dir, name);
    if (existsSync(bin)) return bin;
    log(`building the ${name} peer (go build, modules from the Go module proxy)…`);
    const r = spawnSync('go', ['-C', MODULE, 'build', '-o', bin, `./${name}`], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`go build ./${name} in bench/peers failed (Go and the module proxy are needed):\n${r.stderr ?? r.error}`);
    return bin;
  };
  return { gostackparse: built('gostackparse'), panicparse: built('panicparse') };
}
