/**
 * The profile readers beyond the goroutine count profiles, for
 * ParseOptions.sections: every command that loads heap, allocs, block or
 * mutex text passes these.
 */
import { contentionSection } from './contention.js';
import { heapSection } from './heap.js';
import type { ProfileSection } from './snapshots.js';

export const PROFILE_SECTIONS: readonly ProfileSection[] = [heapSection, contentionSection];
