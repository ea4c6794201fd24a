/**
 * One input event → the key presses in it. Ink's input parser splits escape
 * sequences (arrows, PgDn) apart but hands a run of plain characters over as
 * one string: `jjj` from key repeat, typing over a slow SSH link, tmux
 * `send-keys -l jjj` or a paste arrive as one event, and a keymap that
 * compares the string with `j` would drop all three. Each character is its
 * own press (its own `shift`, as Ink sets it for one upper-case letter).
 */
import type { Key } from 'ink';

export interface Press {
  readonly input: string;
  readonly key: Partial<Key>;
}

/** A named key (arrows, Enter, Esc…) or a modifier: the event is one press as it is. */
function isSinglePress(key: Partial<Key>): boolean {
  return (
    key.ctrl === true ||
    key.meta === true ||
    key.upArrow === true ||
    key.downArrow === true ||
    key.leftArrow === true ||
    key.rightArrow === true ||
    key.pageUp === true ||
    key.pageDown === true ||
    key.home === true ||
    key.end === true ||
    key.return === true ||
    key.escape === true ||
    key.backspace === true ||
    key.delete === true ||
    key.tab === true
  );
}

export function pressesOf(input: string, key: Partial<Key>): Press[] {
  const chars = Array.from(input);
  if (chars.length <= 1 || isSinglePress(key)) return [{ input, key }];
  return chars.map((c) => ({ input: c, key: { ...key, shift: /^[A-Z]$/.test(c) } }));
}
