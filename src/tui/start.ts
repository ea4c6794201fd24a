/**
 * Entry of the interactive view. Placeholder until the Ink app lands: it says
 * so plainly instead of pretending.
 */
import type { GroupBy, Similarity } from '../analysis/keys.js';
import type { MemberFilter } from '../analysis/group.js';
import type { Snapshot } from '../model/snapshot.js';
import { EXIT, UserError } from '../cli/exit.js';

export interface TuiOptions {
  snapshots: Snapshot[];
  groupBy: GroupBy;
  similarity: Similarity;
  filter: MemberFilter;
  fullPaths: boolean;
}

export async function startTui(_options: TuiOptions): Promise<number> {
  throw new UserError('the interactive view (-i) is not available in this build', EXIT.usage);
}
