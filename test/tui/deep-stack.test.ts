/**
 * Enter on a group whose stack has hundreds of thousands of frames (a
 * binary profile or a hand-made dump can have them): the views append their
 * lines in a loop; `push(...lines)` threw a RangeError past ~120 k.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { modelOfText, press, startState } from './support.js';

const FRAMES = 300_000;

describe('a 300,000-frame stack in the terminal UI', () => {
  it('Enter opens the group and then the goroutine, no stack overflow', () => {
    const lines = ['goroutine 1 [running]:'];
    for (let i = 0; i < FRAMES; i++) lines.push(`main.f${i % 7}()`, `\t/srv/m.go:${i + 1} +0x1`);
    const model = modelOfText(lines.join('\n') + '\n', 'deep');
    const group = press(model, startState(model), 'enter');
    assert.notEqual(group.pages.length, startState(model).pages.length, 'Enter opened the group');
    const goroutine = press(model, group, 'end', 'enter');
    assert.ok(goroutine.pages.length >= group.pages.length);
  });
});
