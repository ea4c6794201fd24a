/** Runs the built CLI as a user would: a real process, real stdin/stdout, exit code. */
import { spawn, spawnSync } from 'node:child_process';
import { BIN, REPO } from './paths.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO,
    input: options.input,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    timeout: options.timeoutMs ?? 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Async variant, for tests that must keep serving HTTP (or anything else) while gdump runs. */
export function runCliAsync(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Parses the CLI's --json output, failing the test with stderr when it is not JSON. */
export function runJson<T = Record<string, unknown>>(args: string[], options: Parameters<typeof runCli>[1] = {}): T {
  const r = runCli([...args, '--json'], options);
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`gdump ${args.join(' ')} --json did not print JSON (exit ${r.code}):\n${r.stderr}\n${r.stdout.slice(0, 2000)}`);
  }
}
