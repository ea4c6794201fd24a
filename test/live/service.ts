/**
 * The leak fixture program in serve mode (fixtures/gen/leak): a real Go
 * service with net/http/pprof, started and driven by the tests. Its own
 * counters (GET /debug/leak/truth) are the ground truth.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { buildGoProgram } from '../helpers/go.js';
import type { TruthSite } from '../helpers/truth.js';

export interface LeakTruth {
  ticks: number;
  watchersStarted: number;
  watchersAlive: number;
  numGoroutine: number;
  batchAlive: number;
  tickerRunning: boolean;
  sites: TruthSite[];
  watchBuffer: { function: string; file: string; line: number; inuseBytes: number; inuseObjects: number };
}

export class LeakService {
  private constructor(
    private readonly child: ChildProcess,
    readonly base: string,
  ) {}

  /** Builds (once per process) and starts the service; resolves when it prints its address. */
  static async start(args: string[] = []): Promise<LeakService> {
    const bin = (built ??= buildGoProgram('leak'));
    const child = spawn(bin, ['serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`leak serve did not print its address within 20s:\n${out}\n${stderr}`));
      }, 20_000);
      child.stdout!.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const m = /listening on (127\.0\.0\.1:\d+)/.exec(out);
        if (m !== null) {
          clearTimeout(timer);
          resolve(`http://${m[1]}`);
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`leak serve exited (${code}) before listening:\n${stderr}`));
      });
    });
    return new LeakService(child, base);
  }

  url(path: string): string {
    return this.base + path;
  }

  async truth(): Promise<LeakTruth> {
    return this.call('GET', '/debug/leak/truth');
  }

  /** Stops the ticker; the reply comes once every goroutine is parked. */
  async stopTicker(): Promise<LeakTruth> {
    return this.call('POST', '/debug/leak/stop');
  }

  async startTicker(): Promise<LeakTruth> {
    return this.call('POST', '/debug/leak/start');
  }

  /** Runs n updates now: exactly n new watchers, nothing else changes. */
  async tick(n: number): Promise<LeakTruth> {
    return this.call('POST', `/debug/leak/tick?n=${n}`);
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }

  private async call(method: string, path: string): Promise<LeakTruth> {
    const res = await fetch(this.url(path), { method, signal: AbortSignal.timeout(20_000) });
    if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}: ${await res.text()}`);
    return (await res.json()) as LeakTruth;
  }
}

let built: string | undefined;

export function siteOf(t: LeakTruth, scenario: string): TruthSite {
  const s = t.sites.find((x) => x.scenario === scenario);
  if (s === undefined) throw new Error(`the service reports no ${scenario} site: ${JSON.stringify(t.sites)}`);
  return s;
}
