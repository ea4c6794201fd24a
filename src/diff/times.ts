/**
 * When each snapshot was taken, for growth per hour: `--times` when given,
 * else each input's modification time when every input holds exactly one
 * snapshot (a file with several dumps has one mtime for all of them).
 */
import { GdumpError } from '../errors.js';

const OFFSET = /^\+?(\d+(?:\.\d+)?)(s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses `--times`: one value per snapshot, comma-separated, each either a
 * date (`2024-05-01T10:00:00Z`, anything Date.parse reads) or an offset from
 * the first snapshot (`0`, `15m`, `2h`, `1.5d`).
 */
export function parseTimes(text: string, count: number, now: Date = new Date()): Date[] {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length !== count) {
    throw new GdumpError(`--times: expected ${count} values (one per snapshot), got ${parts.length}`, 'usage');
  }
  let base: number | null = null;
  return parts.map((p, i) => {
    const offset = p === '0' ? ['0', '0', 's'] : OFFSET.exec(p);
    if (offset !== null) {
      // Offsets count from the first date given; with none before them, from now (only the intervals matter).
      if (base === null) base = now.getTime();
      return new Date(base + Number(offset[1]) * UNIT_MS[offset[2]!]!);
    }
    const ms = Date.parse(p);
    if (Number.isNaN(ms)) throw new GdumpError(`--times: value ${i + 1} ("${p}") is neither a date nor an offset like 15m or 2h`, 'usage');
    if (base === null) base = ms;
    return new Date(ms);
  });
}

/** One time per snapshot from the sources' mtimes, or nulls when a source holds several snapshots or has no time. */
export function sourceTimes(sources: readonly { time: Date | null; snapshots: number }[]): (Date | null)[] {
  const single = sources.every((s) => s.snapshots === 1);
  return sources.flatMap((s) => new Array<Date | null>(s.snapshots).fill(single ? s.time : null));
}
