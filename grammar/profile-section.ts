/**
 * What the grammar asks of the reader of one kind of profile; the readers are
 * listed in grammar/sections.ts.
 */
import type { Snapshot } from '../src/model/snapshot.js';
import type { ProfileHeaderFields } from './fields.js';
import type { RawRecord } from './parser.js';

/** The reader of one kind of profile: count, heap, contention. */
export interface ProfileSection {
  /**
   * The snapshot this header starts (its header read), or null when the
   * header is not this section's. `inputName` (a file name or URL, when known)
   * tells heap from allocs, whose text is the same.
   */
  start(header: ProfileHeaderFields, text: string, line: number, inputName: string | null): Snapshot | null;
  /** Reads a record into its snapshot: null when read, else why it is not this section's. */
  record(snapshot: Snapshot, record: RawRecord): string | null;
  /** A setting line or a `#` comment line after the header: true when read. */
  setting(snapshot: Snapshot, text: string, line: number): boolean;
  /** Called once per snapshot at the end of the input: checks that need the whole section (cut-off files). */
  end?(snapshot: Snapshot): void;
}

