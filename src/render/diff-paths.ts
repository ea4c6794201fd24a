/**
 * The classifier and path shortener of a diff: across every snapshot, from
 * the frames of the sites' representative stacks (all a diff ever shows).
 * Shared by `gdump diff`'s report and the TUI's diff view.
 */
import { FrameClassifier, findGoroot } from '../analysis/frames.js';
import type { DiffResult } from '../diff/diff.js';
import type { Frame } from '../model/frame.js';
import { PathShortener } from './paths.js';

/** Every frame of the sites' representative stacks. */
export function* siteFrames(result: DiffResult): Iterable<Frame> {
  for (const s of result.sites) {
    for (const p of s.points) {
      if (p === null) continue;
      yield* p.representative.frames;
      if (p.representative.createdBy !== null) yield p.representative.createdBy;
    }
  }
}

export function diffClassifier(result: DiffResult): FrameClassifier {
  return new FrameClassifier(findGoroot(siteFrames(result)));
}

/** The user's files are the user frames' of the sites' stacks. */
export function diffPaths(result: DiffResult, classifier: FrameClassifier, full: boolean): PathShortener {
  const files = new Set<string>();
  for (const f of siteFrames(result)) if (classifier.kind(f) === 'user') files.add(f.file);
  return new PathShortener(classifier.goroot, files, full);
}
