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

export function renderLineSummary(lines: LineAccounting, stripped: readonly string[], p: Palette): string[] {
  const out = [
    p.dim(`${plural(lines.total, 'line')} read: ${groupDigits(lines.parsed)} parsed, ${groupDigits(lines.skipped)} skipped, ${groupDigits(lines.warned)} with warnings`),
  ];
  if (stripped.length > 0) out.push(p.dim(`unwrapped: ${stripped.map(escapeTerminal).join(', ')}`));
  return out;
}
