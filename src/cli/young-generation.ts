/**
 * Caps V8's young generation at 16 MiB (two 8 MiB semi-spaces). V8 doubles it
 * each time enough has survived scavenges, so a long run always reached
 * 32 MiB and peak memory grew with the input (1.1 GB dump: +16 MiB). Growth
 * stops (growth factor 1) once it reaches the size a 100 MB run settles at;
 * stopping it from the start cost ~10% of a 100 MB run's wall (more
 * scavenges). The check runs between input reads; the timer keeps no run
 * alive. Only the CLI does this: a library user's process is its own.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

const YOUNG_CAP = 16 * 1024 * 1024;

export function capYoungGeneration(): void {
  const watch = setInterval(() => {
    const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    if (young !== undefined && young.space_size >= YOUNG_CAP) {
      setFlagsFromString('--semi-space-growth-factor=1');
      clearInterval(watch);
    }
  }, 50).unref();
}
