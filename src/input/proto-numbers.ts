/**
 * Numbers of a binary profile as protobuf carries them: int64 values and
 * uint64 ids, as varints. pprof-format hands back a number for short
 * varints and an unsigned BigInt for long ones, so an int64 of -5 arrives
 * as 18446744073709551611n and an id above 2^53 would be rounded by Number.
 * Values are read signed (a negative count or size is read as 0, warned),
 * ids are kept exact as strings, line numbers beyond any file are dropped.
 */
import type { Warning } from '../model/snapshot.js';

type Numeric = number | bigint;

/** An int64 field, signed. */
export function int64(v: Numeric): bigint {
  return typeof v === 'bigint' ? BigInt.asIntN(64, v) : BigInt(v);
}

/** A uint64 id as an exact map key. */
export function idKey(v: Numeric): string {
  return typeof v === 'bigint' ? BigInt.asUintN(64, v).toString() : String(v);
}

const MAX_LINE = 2 ** 31 - 1;

/** Reads numbers and remembers what it had to change, for one warning each at the end. */
export class ProtoNumbers {
  private negative = 0;
  private huge = 0;
  private badLines = 0;

  /** A sample value (count, bytes, delay): 0 for a negative one, 2^53-1 at most. */
  value(v: Numeric | undefined): number {
    if (v === undefined) return 0;
    const n = int64(v);
    if (n < 0n) {
      this.negative++;
      return 0;
    }
    if (n > BigInt(Number.MAX_SAFE_INTEGER)) {
      this.huge++;
      return Number.MAX_SAFE_INTEGER;
    }
    return Number(n);
  }

  /** A line number: 0 (unknown) for one that is negative or beyond 2^31-1. */
  line(v: Numeric): number {
    const n = int64(v);
    if (n < 0n || n > BigInt(MAX_LINE)) {
      this.badLines++;
      return 0;
    }
    return Number(n);
  }

  warnings(): Warning[] {
    const out: Warning[] = [];
    if (this.negative > 0) out.push({ line: 0, message: `${this.negative} sample values of the profile are negative: read as 0` });
    if (this.huge > 0) out.push({ line: 0, message: `${this.huge} sample values of the profile are above 2^53: read as ${Number.MAX_SAFE_INTEGER}` });
    if (this.badLines > 0) out.push({ line: 0, message: `${this.badLines} line numbers of the profile are negative or above 2^31-1: read as unknown (0)` });
    return out;
  }
}
