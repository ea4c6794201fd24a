/**
 * The JSON contract (README "JSON output"): scripts and CI checks rely on
 * these names. JSON keeps dump text exactly as printed (no escaping beyond
 * JSON's own).
 */
import type { Frame } from '../model/frame.js';
import { skippedCount, type Snapshot } from '../model/snapshot.js';
import { entryOf } from '../analysis/keys.js';
import type { Group } from '../analysis/group.js';
import { waitJson } from '../analysis/wait.js';

export interface FrameJson {
  function: string;
  file: string;
  line: number;
}

export function frameJson(f: Frame): FrameJson {
  return { function: f.func.full, file: f.file, line: f.line };
}

export function groupJson(g: Group, traceback: boolean): Record<string, unknown> {
  const m = g.representative;
  const entry = entryOf(m);
  const out: Record<string, unknown> = {
    key: g.key,
    count: g.count,
    entry: entry === null ? null : frameJson(entry),
    createdBy: m.createdBy === null ? null : { ...frameJson(m.createdBy), parentId: m.parentId },
    states: Object.fromEntries(g.states),
    waitMinutes: waitJson(g),
  };
  // An IdList: JSON.stringify prints its numbers (toJSON), writeJson goes through them without an array copy.
  if (traceback) out.ids = g.ids;
  if (g.labels !== null) out.labels = g.labels;
  out.frames = m.frames.map(frameJson);
  return out;
}

/**
 * The version of the JSON contract (README: JSON output), first in every
 * object gdump prints with --json. It goes up when a field is removed or
 * changes meaning; new fields are added without a new version.
 */
export const JSON_SCHEMA = 1;

export function snapshotJson(s: Snapshot, groups: Group[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schema: JSON_SCHEMA,
    format: s.format,
    total: s.total,
    ...extra,
    groups: groups.map((g) => groupJson(g, s.format === 'goroutine')),
    messages: s.messages,
    warnings: s.warnings,
    skipped: skippedCount(s),
  };
}
