/**
 * Frames for stacks printed without symbols: a count or heap record with no
 * `#` lines (a stripped binary, pprof's legacy profiles such as
 * `go.godoc.thread`) is known by its pcs alone. Each pc becomes a frame named
 * by it, so such records group by their stacks like any other, and analysis
 * needs no special case.
 */
import { splitFunctionName, type Frame } from '../src/model/frame.js';
import type { RawRecord } from './parser.js';

/** A frame for an unsymbolized pc: the pc stands for the function (as readProfileFrame does for `#\t0x0`). */
export function pcFrame(pc: string): Frame {
  return { func: splitFunctionName(pc), args: '', file: '', line: 0, pcOffset: -1, inlined: false, registers: '' };
}

/** A record's frames: its `#` lines, else one frame per pc of its `@` list. */
export function recordFrames(r: RawRecord): Frame[] {
  return r.frames.length > 0 || r.pcs.length === 0 ? r.frames : r.pcs.map(pcFrame);
}
