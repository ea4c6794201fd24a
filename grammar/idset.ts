/**
 * The goroutine ids of the snapshot being read (a repeated id starts a new
 * snapshot). Ids are small dense integers, so a growable bitset holds 10M of
 * them in about 1 MiB where a Set would take hundreds; ids at or above 2^28
 * (or negative, or fractional) go to a Set.
 */
const BITSET_LIMIT = 2 ** 28;

export class IdSet {
  private bits = new Uint32Array(1024);
  /** Highest word written since the last clear: clear() zeroes only that far. */
  private usedWords = 0;
  private readonly others = new Set<number>();

  has(id: number): boolean {
    if (!IdSet.dense(id)) return this.others.has(id);
    const w = id >>> 5;
    return w < this.bits.length && (this.bits[w]! & (1 << (id & 31))) !== 0;
  }

  add(id: number): void {
    if (!IdSet.dense(id)) {
      this.others.add(id);
      return;
    }
    const w = id >>> 5;
    if (w >= this.bits.length) {
      let size = this.bits.length;
      while (size <= w) size *= 2;
      const grown = new Uint32Array(size);
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[w]! |= 1 << (id & 31);
    if (w >= this.usedWords) this.usedWords = w + 1;
  }

  clear(): void {
    this.bits.fill(0, 0, this.usedWords);
    this.usedWords = 0;
    this.others.clear();
  }

  private static dense(id: number): boolean {
    return Number.isInteger(id) && id >= 0 && id < BITSET_LIMIT;
  }
}
