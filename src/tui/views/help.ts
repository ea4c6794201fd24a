/**
 * The `?` overlay: the key table, straight from the keymap.
 */
import { arrayDoc, plainLine, text, type Doc, type Line } from '../document.js';
import { helpRows } from '../keymap.js';
import { maxOf } from '../../lists.js';

export function helpDoc(): Doc {
  const rows = helpRows();
  const keysWidth = maxOf(rows.map((r) => r.keys.length));
  const lines: Line[] = rows.map((r) => ({ segments: [text(' ' + r.keys.padEnd(keysWidth) + '  ', 'bold'), text(r.help), text(r.where === 'everywhere' ? '' : `  (${r.where})`, 'dim')] }));
  lines.push(plainLine(''), plainLine(' While filtering: type a regex; Backspace deletes, Enter keeps it, Esc cancels. A capital letter makes it case-sensitive.', 'dim'));
  return arrayDoc('keys (any key closes this)', lines);
}
