/**
 * Caps V8's young generation at 16 MiB (two 8 MiB semi-spaces). V8 doubles it
 * each time enough has survived scavenges, so a long run always reached
 * 32 MiB and peak memory grew with the input (1.1 GB dump: +16 MiB). Growth
 * stops (growth factor 1) once it reaches the size a 100 MB run settles at;
 * stopping it from the start cost ~10% of a 100 MB run's wall (more
 * scavenges). The check runs between input reads; the timer keeps no run
 * alive. Only the CLI does this: a library user's process is its own.
 */
const YOUNG_CAP = 16 * 1024 * 1024;

export function capYoungGeneration(): void {
  const watch = setInterval(() => {
    // node:v8 is loaded here, by the first check, not at start: loading it costs ~3 ms, and a small run ends before the first check.
    const v8 = process.getBuiltinModule('node:v8');
    const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    if (young !== undefined && young.space_size >= YOUNG_CAP) {
      v8.setFlagsFromString('--semi-space-growth-factor=1');
      clearInterval(watch);
    }
  }, 50).unref();
}
