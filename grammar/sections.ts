/**
 * The profile sections the grammar reads after a profile header: one reader
 * per kind of profile (its header, settings, records and end-of-input
 * checks). A header no section takes is reported and its records passed over.
 */
import { contentionSection } from './contention.js';
import { countSection } from './count.js';
import { heapSection } from './heap.js';
import type { ProfileSection } from './profile-section.js';

export const PROFILE_SECTIONS: readonly ProfileSection[] = [countSection, heapSection, contentionSection];
