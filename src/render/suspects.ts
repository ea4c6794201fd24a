/**
 * The "Likely leaks" section above the table, and the suspects in JSON.
 * One line per suspect site, then its reasons: each a fact from the dump.
 */
import type { Suspect } from '../analysis/suspects.js';
import { escapeTerminal } from './escape.js';
import { frameJson } from './json.js';
import type { Palette } from './palette.js';
import type { PathShortener } from './paths.js';
import { truncate } from './table.js';

export interface SuspectTextOptions {
  palette: Palette;
  paths: PathShortener;
  width: number | null;
  /** Suspects listed; the rest are counted. */
  limit?: number;
}

/** What the suspect is, in the words of the table's SITE column. */
export function suspectTitle(s: Suspect, paths: PathShortener): string {
  let text = escapeTerminal(s.entry?.func.full ?? '?');
  if (s.createdBy !== null) text += `  ← ${escapeTerminal(s.createdBy.func.full)} ${escapeTerminal(paths.where(s.createdBy))}`;
  return text;
}

/** The section's lines, or none when no site is a suspect. */
export function renderSuspects(suspects: readonly Suspect[], o: SuspectTextOptions): string[] {
  if (suspects.length === 0) return [];
  const p = o.palette;
  const limit = o.limit ?? 5;
  const cut = (s: string): string => (o.width === null ? s : truncate(s, o.width));
  const out = [p.bold(`Likely leaks (${suspects.length})`)];
  for (const s of suspects.slice(0, limit)) {
    out.push(cut(`  ${p.bad('!')} ${suspectTitle(s, o.paths)}`));
    out.push(p.dim(cut(`      ${escapeTerminal(s.reasons.join('; '))}`)));
  }
  if (suspects.length > limit) out.push(p.dim(`  … ${suspects.length - limit} more (--json lists them all)`));
  return out;
}

/** The JSON contract: `suspects: [{key, verdict, reasons, evidence}]` (README "JSON output"). */
export function suspectsJson(suspects: readonly Suspect[]): Record<string, unknown>[] {
  return suspects.map((s) => ({
    key: s.key,
    entry: s.entry === null ? null : frameJson(s.entry),
    createdBy: s.createdBy === null ? null : frameJson(s.createdBy),
    verdict: s.verdict,
    reasons: s.reasons,
    evidence: s.evidence,
  }));
}
