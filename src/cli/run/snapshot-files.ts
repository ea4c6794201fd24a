/**
 * Where `gdump watch --out DIR` keeps its snapshots, written so that a file
 * under its final name is always whole: each is written to a hidden
 * temporary name in DIR and renamed into place (a `kill -9` or a full disk
 * during the write leaves at most a `.partial` file, never a half dump that
 * `gdump diff DIR/*.txt` would read as a cut one). What failed is removed.
 */
import { lstat, mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { GdumpError } from '../../errors.js';
import { savedSuffix } from '../../input/decode.js';

/** `2026-11-27T16-02-03.123Z`: sorts by time, and is a valid file name everywhere. */
function stamp(t: Date): string {
  return t.toISOString().replace(/:/g, '-');
}

function why(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
      return 'no space left on the device (disk full)';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EFBIG':
      return 'file too large for this file system or limit';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ENOENT':
      return 'no such directory';
    default:
      return (e as Error).message;
  }
}

/**
 * mkdir -p, one level at a time: Node's `recursive: true` loops forever
 * where the parent exists but mkdir answers ENOENT (/proc/self/x).
 */
async function makeDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    const parent = path.dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw e;
    await makeDirectory(parent);
    try {
      await mkdir(dir);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST') throw again;
    }
  }
}

export class SnapshotFiles {
  private constructor(readonly dir: string) {}

  /**
   * Checks DIR before the first snapshot: created when missing; a file, a
   * dangling link, or a place where nothing can be written (/proc) is a
   * usage error naming it, not an internal error after the first fetch.
   */
  static async open(dir: string): Promise<SnapshotFiles> {
    const refuse = (reason: string): GdumpError => new GdumpError(`--out ${dir}: ${reason}`, 'usage');
    const link = await lstat(dir).catch(() => null);
    if (link?.isSymbolicLink() === true && (await stat(dir).catch(() => null)) === null) throw refuse('a symbolic link to nothing');
    if (link !== null && !link.isSymbolicLink() && !link.isDirectory()) throw refuse('exists and is not a directory');
    try {
      await makeDirectory(dir);
      if (!(await stat(dir)).isDirectory()) throw refuse('exists and is not a directory');
      // A probe: /proc and read-only mounts accept mkdir of an existing directory but no file.
      const probe = path.join(dir, `.gdump-probe-${process.pid}`);
      await writeFile(probe, '', { flag: 'wx' });
      await rm(probe, { force: true });
    } catch (e) {
      if (e instanceof GdumpError) throw e;
      throw refuse(`cannot write there: ${why(e)}`);
    }
    return new SnapshotFiles(dir);
  }

  /** Saves one snapshot's bytes as DIR/<stamp>.txt (.txt.gz, .pb.gz or .pb: what the bytes are); throws a GdumpError saying why, with nothing left behind. */
  async save(taken: Date, bytes: Buffer): Promise<string> {
    const ext = await savedSuffix(bytes);
    const temp = path.join(this.dir, `.${stamp(taken)}-${process.pid}${ext}.partial`);
    try {
      const file = await open(temp, 'wx');
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      for (let n = 1; ; n++) {
        const final = path.join(this.dir, `${stamp(taken)}${n > 1 ? `-${n}` : ''}${ext}`);
        // Not over an existing snapshot: rename replaces silently, so look first (one writer per name: this process).
        if ((await lstat(final).catch(() => null)) !== null) continue;
        await rename(temp, final);
        return final;
      }
    } catch (e) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw new GdumpError(`cannot save a snapshot in ${this.dir}: ${why(e)}; the partial file was removed`, 'input');
    }
  }
}
