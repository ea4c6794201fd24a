/**
 * The line accounting and unwrapping notes under a text report: how many
 * input lines were parsed, skipped and warned about, and which log prefixes
 * or envelopes were taken off first.
 */
import type { LineAccounting } from '../model/snapshot.js';
import { escapeTerminal } from './escape.js';
import type { Palette } from './palette.js';
import { groupDigits } from '../text/numbers.js';
import { plural } from './text.js';

/**
 * `warnings`: how many the report printed. Some are about no line of their
 * own (a cut-off input, a binary profile) or about skipped lines, so the
 * count of lines with warnings can be 0 under a printed warning: the total
 * is added then, so the summary never reads as "no warnings".
 */
export function renderLineSummary(lines: LineAccounting, stripped: readonly string[], p: Palette, warnings = 0): string[] {
  const all = warnings > 0 && lines.warned === 0 ? `; ${plural(warnings, 'warning')} above` : '';
  const out = [
    p.dim(`${plural(lines.total, 'line')} read: ${groupDigits(lines.parsed)} parsed, ${groupDigits(lines.skipped)} skipped, ${groupDigits(lines.warned)} with warnings${all}`),
  ];
  if (stripped.length > 0) out.push(p.dim(`unwrapped: ${stripped.map(escapeTerminal).join(', ')}`));
  return out;
}
