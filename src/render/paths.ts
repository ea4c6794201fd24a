/**
 * Shorter file paths for people: GOROOT's `src/` and the module cache's
 * `pkg/mod/` are cut off, and the user's files lose the directory prefix
 * they all share. --full-paths keeps every path as printed.
 */
import type { Frame } from '../model/frame.js';
import type { Stack } from '../model/snapshot.js';
import { stackFrames, type FrameClassifier } from '../analysis/frames.js';

function commonDir(a: string, b: string): string {
  let i = 0;
  const n = Math.min(a.length, b.length);
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return a.slice(0, a.lastIndexOf('/', i - 1) + 1);
}

export class PathShortener {
  private readonly userPrefix: string;

  constructor(
    private readonly goroot: string | null,
    userFiles: Iterable<string>,
    private readonly full = false,
  ) {
    let prefix: string | null = null;
    for (const f of userFiles) {
      if (!f.startsWith('/') && !/^[A-Za-z]:\//.test(f)) continue;
      prefix = prefix === null ? f.slice(0, f.lastIndexOf('/') + 1) : commonDir(prefix, f);
    }
    this.userPrefix = prefix ?? '';
  }

  short(file: string): string {
    if (this.full) return file;
    if (this.goroot !== null && file.startsWith(this.goroot + '/src/')) return file.slice(this.goroot.length + 5);
    const mod = file.indexOf('/pkg/mod/');
    if (mod >= 0) return file.slice(mod + 9);
    if (this.userPrefix.length > 1 && file.startsWith(this.userPrefix)) return file.slice(this.userPrefix.length);
    return file;
  }

  where(f: Frame): string {
    return f.file === '' ? '' : `${this.short(f.file)}:${f.line}`;
  }
}

/** A shortener for some stacks (a snapshot's, a diff's sites'): the user's files are those of their user frames. */
export function shortenerOf(stacks: Iterable<Stack>, classifier: FrameClassifier, full: boolean): PathShortener {
  const files = new Set<string>();
  for (const f of stackFrames(stacks)) if (classifier.kind(f) === 'user') files.add(f.file);
  return new PathShortener(classifier.goroot, files, full);
}
