/** The shapes of gdump's --json output, as tests read them (README "JSON output"). */
export interface FrameJson {
  function: string;
  file: string;
  line: number;
}

export interface GroupJson {
  key: string;
  count: number;
  entry: FrameJson | null;
  createdBy: (FrameJson & { parentId: number | null }) | null;
  states: Record<string, number>;
  waitMinutes: { min: number; max: number } | null;
  ids?: number[];
  labels?: Record<string, string>;
  frames: FrameJson[];
  [k: string]: unknown;
}

export interface SnapshotJson {
  format: string;
  total: number;
  groups: GroupJson[];
  warnings: { line: number; message: string }[];
  skipped: number;
  messages: string[];
  [k: string]: unknown;
}

export type OutputJson = SnapshotJson | { snapshots: SnapshotJson[] };

export function snapshotsOf(out: OutputJson): SnapshotJson[] {
  const many = (out as { snapshots?: SnapshotJson[] }).snapshots;
  return Array.isArray(many) ? many : [out as SnapshotJson];
}

/** The group a truth site stands for: same entry function and `go` statement line. */
export function findSite(s: SnapshotJson, entry: string, goLine?: number): GroupJson | undefined {
  return s.groups.find((g) => g.entry?.function === entry && (goLine === undefined || g.createdBy?.line === goLine));
}
