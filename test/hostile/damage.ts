/**
 * The damage model shared by the property tests and the fuzz campaign: a
 * dump, and a list of steps applied to its bytes in order.
 */
import fc from 'fast-check';
import { StringDecoder } from 'node:string_decoder';
import { inRanges } from '../../src/model/snapshot.js';
import { invariantProblem, readText, WRAPPERS, type Dump } from './corpus.js';

export type Step =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'deleteLine'; at: number }
  | { kind: 'duplicateLine'; at: number }
  | { kind: 'insertLine'; at: number; text: string }
  | { kind: 'wrap'; wrapper: number }
  | { kind: 'ansi'; at: number };

export interface Damaged {
  dump: Dump;
  steps: string[];
  bytes: Buffer;
}

/** fast-check prints counterexamples: a dump's name, not its bytes. */
function named(d: Damaged): Damaged {
  return Object.assign(d, { [fc.toStringMethod]: () => `${d.dump.name} after ${d.steps.join(', ')}` });
}

function lineBounds(b: Buffer, at: number): [number, number] {
  const pos = b.length === 0 ? 0 : at % b.length;
  const start = b.lastIndexOf(0x0a, pos - 1) + 1;
  const nl = b.indexOf(0x0a, pos);
  return [start, nl < 0 ? b.length : nl + 1];
}

export function applyStep(b: Buffer, s: Step): Buffer {
  switch (s.kind) {
    case 'truncate':
      return b.subarray(0, b.length === 0 ? 0 : s.at % (b.length + 1));
    case 'flip': {
      if (b.length === 0) return b;
      const c = Buffer.from(b);
      c[s.at % c.length] = s.byte;
      return c;
    }
    case 'deleteLine': {
      const [a, z] = lineBounds(b, s.at);
      return Buffer.concat([b.subarray(0, a), b.subarray(z)]);
    }
    case 'duplicateLine': {
      const [a, z] = lineBounds(b, s.at);
      return Buffer.concat([b.subarray(0, z), b.subarray(a, z), b.subarray(z)]);
    }
    case 'insertLine': {
      const [a] = lineBounds(b, s.at);
      return Buffer.concat([b.subarray(0, a), Buffer.from(s.text.replace(/\n/g, ' ') + '\n'), b.subarray(a)]);
    }
    case 'wrap':
      return Buffer.from(WRAPPERS[s.wrapper % WRAPPERS.length]!.wrap(b.toString('utf8')));
    case 'ansi': {
      const at = b.length === 0 ? 0 : s.at % b.length;
      return Buffer.concat([b.subarray(0, at), Buffer.from('\u001b[31m'), b.subarray(at)]);
    }
  }
}

function describeStep(s: Step): string {
  return s.kind === 'wrap' ? `wrap ${WRAPPERS[s.wrapper % WRAPPERS.length]!.name}` : JSON.stringify(s);
}

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insertLine' as const), at: fc.nat(), text: fc.string({ maxLength: 60 }) }),
  fc.record({ kind: fc.constant('wrap' as const), wrapper: fc.nat() }),
  fc.record({ kind: fc.constant('ansi' as const), at: fc.nat() }),
);

export function damagedDump(dumps: readonly Dump[]): fc.Arbitrary<Damaged> {
  return fc.tuple(fc.nat({ max: dumps.length - 1 }), fc.array(step, { minLength: 1, maxLength: 4 })).map(([i, steps]) =>
    named({ dump: dumps[i]!, steps: steps.map(describeStep), bytes: steps.reduce(applyStep, dumps[i]!.bytes) }),
  );
}

/** Decodes as load() does: UTF-8 in pieces, so a cut multi-byte sequence ends as U+FFFD. */
export function decode(bytes: Buffer): string {
  const d = new StringDecoder('utf8');
  return d.write(bytes) + d.end();
}

/** Reads damaged bytes; returns a broken promise, or null. Exceptions are caught and reported as problems. */
export function readDamaged(d: Pick<Damaged, 'bytes'>): string | null {
  const text = decode(d.bytes);
  try {
    return invariantProblem(text, readText(text));
  } catch (e) {
    return `threw ${(e as Error).stack ?? String(e)}`;
  }
}

/** Puts a junk line before line `at` (mod lines) of a dump; returns a problem if it was read as dump content. */
export function garbageLineKept(dump: Dump, at: number, junk: string): string | null {
  const text = dump.bytes.toString('utf8');
  const lines = text.split('\n');
  const index = at % lines.length;
  // Junk that is itself dump-shaped (a call, a location, a header) may rightly be read as such.
  const line = `@@junk ${junk.replace(/[\r\n]/g, ' ')}`;
  lines.splice(index, 0, line);
  const damaged = lines.join('\n');
  const r = readText(damaged);
  const problem = invariantProblem(damaged, r);
  if (problem !== null) return problem;
  const number = index + 1;
  if (r.result.snapshots.length === 0) return inRanges(r.result.skipped, number) || r.result.warnings.some((w) => w.line === number) ? null : `line ${number} lost`;
  const s = r.result.snapshots.find((x) => number >= x.firstLine && number <= x.lastLine);
  if (s === undefined) return `line ${number} is in no snapshot`;
  if (inRanges(s.skipped, number) || s.warnings.some((w) => w.line === number)) return null;
  return `junk line ${number} ${JSON.stringify(line)} was neither skipped nor warned about`;
}
