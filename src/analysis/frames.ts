/**
 * Which frames are the runtime's, the standard library's, or the user's.
 * Views dim the first two and "top" grouping skips them. Decided from what
 * the runtime itself says: the runtime's packages by name; the standard
 * library by GOROOT, read off the dump's standard-library frames
 * (`/usr/local/go/src/runtime/proc.go` → `/usr/local/go`, so vendored or
 * Bazel trees `GOROOT/src/…` work too), by the `-trimpath` form of its
 * files (`runtime/sema.go`), and without either by the standard library's
 * package list (stdlib.ts), never by a dot in the path: `myservice/…` is
 * the user's.
 */
import type { Frame } from '../model/frame.js';
import type { Stack } from '../model/snapshot.js';
import { isStdPackage, isTrimmedStdFile } from './stdlib.js';

export type FrameKind = 'runtime' | 'stdlib' | 'user';

/**
 * Finds GOROOT in a frame of a standard-library package whose file is
 * `<GOROOT>/src/<package path>/….go` (`runtime`, `runtime/pprof`, `net/http`):
 * a dump without runtime frames (the default GOTRACEBACK) still has some.
 */
export function findGoroot(frames: Iterable<Frame>): string | null {
  for (const f of frames) {
    const pkg = f.func.pkg;
    if (!isStdPackage(pkg)) continue;
    const at = f.file.lastIndexOf(`/src/${pkg}/`);
    if (at >= 0 && f.file.indexOf('/', at + pkg.length + 6) < 0) return f.file.slice(0, at);
  }
  return null;
}

/** Every frame of some stacks, their `created by` frames included. */
export function* stackFrames(stacks: Iterable<Stack>): Iterable<Frame> {
  for (const s of stacks) {
    yield* s.frames;
    if (s.createdBy != null) yield s.createdBy;
  }
}

/** The classifier of some stacks (a snapshot's, a diff's sites'): GOROOT read off their frames. */
export function classifierOf(stacks: Iterable<Stack>): FrameClassifier {
  return new FrameClassifier(findGoroot(stackFrames(stacks)));
}

export function isRuntimePackage(pkg: string): boolean {
  return pkg === 'runtime' || pkg.startsWith('runtime/') || pkg.startsWith('internal/');
}

export class FrameClassifier {
  private readonly stdPrefix: string | null;

  constructor(readonly goroot: string | null) {
    this.stdPrefix = goroot === null ? null : goroot + '/src/';
  }

  kind(frame: Frame): FrameKind {
    const pkg = frame.func.pkg;
    if (isRuntimePackage(pkg)) return 'runtime';
    if (this.stdPrefix !== null && frame.file.startsWith(this.stdPrefix)) return 'stdlib';
    if (isTrimmedStdFile(pkg, frame.file)) return 'stdlib';
    if (this.stdPrefix === null || frame.file === '') {
      // No GOROOT seen: the standard library's package list decides (a module cache path never is).
      if (isStdPackage(pkg) && !frame.file.includes('/pkg/mod/')) return 'stdlib';
    }
    return 'user';
  }

  /** The first frame (leaf side) worth a person's attention: the user's, else the first outside the runtime. */
  topFrame(frames: readonly Frame[]): Frame | null {
    let notRuntime: Frame | null = null;
    for (const f of frames) {
      const k = this.kind(f);
      if (k === 'user') return f;
      if (k === 'stdlib' && notRuntime === null) notRuntime = f;
    }
    return notRuntime ?? frames[0] ?? null;
  }
}
