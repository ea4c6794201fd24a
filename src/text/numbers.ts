/**
 * Numbers as people read them, shared by every output (reports, the TUI,
 * errors, progress): counts with thousands separators, shares and changes
 * in percent, byte sizes. One place, so a count reads the same in the table,
 * the TUI and a message.
 */

/**
 * 1234567 → `1,234,567`, as toLocaleString('en-US') prints it, without
 * loading ICU's locale data (which costs start-up): up to three decimals.
 */
export function groupDigits(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return String(n);
  const [whole, fraction] = (Number.isInteger(n) ? String(n) : n.toFixed(3).replace(/\.?0+$/, '')).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** `n` of `total` in percent with one decimal (`81.6%`); empty when there is no total. */
export function formatShare(n: number, total: number): string {
  return total > 0 ? `${((100 * n) / total).toFixed(1)}%` : '';
}

/** A change in percent, signed, one decimal below 10 (`+150%`, `-2.5%`, `0%`); `new` when there was nothing before (null). */
export function formatChange(p: number | null): string {
  if (p === null) return 'new';
  const r = Math.abs(p) >= 10 ? Math.round(p) : Math.round(p * 10) / 10;
  return `${r > 0 ? '+' : ''}${r}%`;
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** Byte sizes in binary units, one decimal from KiB up, no trailing `.0`: `512 B`, `1.5 KiB`, `3 MiB`. */
export function formatBytes(n: number): string {
  let v = n;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  const text = u === 0 ? String(v) : v.toFixed(1).replace(/\.0$/, '');
  return `${text} ${UNITS[u]}`;
}
