/**
 * Where input bytes come from: a file or standard input (`-`); URLs are
 * http.ts, and open.ts picks one for an argument. Every source is read as a
 * stream of byte chunks.
 */
import { close, open, read, stat } from 'node:fs';
import { promisify } from 'node:util';

// The callback API, promisified: node:fs/promises costs ~2 ms to load, a sixth of what a small run adds to Node's own start.
const statFile = promisify(stat);
const openFile = promisify(open);
const readInto = promisify(read);
const closeFile = promisify(close);
import { GdumpError } from '../errors.js';

export interface InputSource {
  /** Name for messages: the path, `stdin`, or the URL. */
  readonly name: string;
  /** Byte size when known in advance (files), for progress. */
  readonly size: number | null;
  /** Modification time when known (files), for growth per hour. */
  readonly time: Date | null;
  /** The file's path, for a source that is a file (a parallel parse reads parts of it). */
  readonly path?: string;
  chunks(): AsyncIterable<Buffer>;
}

export function stdinSource(): InputSource {
  return { name: 'stdin', size: null, time: new Date(), chunks: () => process.stdin };
}

/** `127.0.0.1:6060`, `localhost:6060/debug/pprof/goroutine`: a service address typed without its scheme. */
const HOST_PORT = /^(?:localhost|[\w-]+(?:\.[\w-]+)*|\[[0-9a-f:]+\]):\d{1,5}(?:\/\S*)?$/i;

/** For a missing file that looks like a service address: the URL it probably meant. */
export function urlHint(path: string): string {
  return HOST_PORT.test(path) ? `; did you mean http://${path}?` : '';
}

export async function fileSource(path: string): Promise<InputSource> {
  let info;
  try {
    info = await statFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? `no such file${urlHint(path)}` : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new GdumpError(`cannot read ${path}: ${why}`, 'input');
  }
  if (info.isDirectory()) throw new GdumpError(`cannot read ${path}: it is a directory`, 'input');
  return {
    name: path,
    size: info.size,
    time: info.mtime,
    path,
    chunks: () => readChunks(path),
  };
}

/** Bytes [start, end) of a file, read like a whole file (a parallel parse reads its part this way). */
export function fileRangeSource(path: string, start: number, end: number): InputSource {
  return { name: path, size: end - start, time: null, path, chunks: () => readChunks(path, start, end) };
}

const CHUNK_BYTES = 512 << 10;

/**
 * The file in 512 KiB pieces, each its own buffer (load.ts decodes them in
 * 64 KiB slices). The next read is under way while the caller parses the
 * piece it was given, and each read still costs a turn of the event loop:
 * with 64 KiB read one piece after the other, a 100 MB run waited ~190 ms
 * on reads; 1 MiB pieces cut that to ~30 ms but raised the peak RSS by
 * 25 MiB (buffers live until a scavenge), 512 KiB by 3 MiB. Not a
 * fs.ReadStream: loading Node's stream classes costs ~6 ms of a small run.
 */
async function* readChunks(path: string, start = 0, end = Infinity): AsyncGenerator<Buffer> {
  const fd = await openFile(path, 'r');
  let position = start;
  // A whole file reads from the current position (null): the path may be a pipe (`gdump <(cmd)`), which has no offsets.
  const whole = start === 0 && end === Infinity;
  const next = (): Promise<Buffer> => {
    const want = Math.min(CHUNK_BYTES, end - position);
    if (want <= 0) return Promise.resolve(Buffer.alloc(0));
    const buffer = Buffer.allocUnsafe(want);
    const at = whole ? null : position;
    position += want;
    return readInto(fd, buffer, 0, want, at).then(({ bytesRead }) => buffer.subarray(0, bytesRead));
  };
  let pending = next();
  try {
    for (;;) {
      const piece = await pending;
      if (piece.length === 0) return;
      pending = next();
      yield piece;
    }
  } finally {
    // A read still under way (the caller stopped early) must end before the file is closed.
    await pending.catch(() => undefined);
    await closeFile(fd);
  }
}
