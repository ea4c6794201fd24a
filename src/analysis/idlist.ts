/**
 * A group's goroutine ids, kept compactly: a 1 GB dump has over a million of
 * them, and as JS arrays they sat in V8's large-object space (8 bytes each
 * plus growth slack) for the whole run. Here they are 4 bytes each in a
 * typed array outside the JS heap, 8 once an id leaves the int32 range.
 */
export class IdList {
  private items: Int32Array | Float64Array = new Int32Array(4);
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(id: number): void {
    if (this.items instanceof Int32Array && (id | 0) !== id) this.items = Float64Array.from(this.items);
    if (this.size === this.items.length) {
      const capacity = this.size + (this.size >> 1) + 4;
      const grown = this.items instanceof Int32Array ? new Int32Array(capacity) : new Float64Array(capacity);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.size++] = id;
  }

  /** Sorts ascending; the list is done growing then, so its spare room is given back. */
  sort(): void {
    if (this.items.length > this.size) this.items = this.items.slice(0, this.size);
    this.items.sort();
  }

  /** The ids from `start` up to `end` (exclusive), as a plain array. */
  slice(start = 0, end = this.size): number[] {
    return Array.from(this.items.subarray(start, Math.min(end, this.size)));
  }

  /** The ids by index, for writers that go through them without a copy. */
  at(index: number): number {
    return this.items[index]!;
  }

  /** JSON.stringify prints the ids as an array of numbers. */
  toJSON(): number[] {
    return this.slice();
  }
}
