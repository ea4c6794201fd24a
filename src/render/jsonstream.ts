/**
 * JSON written in pieces: the same text as JSON.stringify(value, null, 2),
 * handed to `write` about every 32 KiB. A snapshot of a big dump is a few
 * MB of JSON; as one string it lands in V8's large-object space and lives
 * until a full collection, so a run printing several of them piled them up
 * (1.1 GB dump: +20 MiB peak). Pieces this small die young.
 */
import { IdList } from '../analysis/idlist.js';

const PIECE = 32 * 1024;

/** What JSON.stringify makes of a value before printing it: toJSON applied; undefined for what it leaves out. */
function jsonValue(v: unknown): unknown {
  if (v instanceof IdList) return v;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON(): unknown }).toJSON();
  return v === undefined || typeof v === 'function' || typeof v === 'symbol' ? undefined : v;
}

function isComposite(v: unknown): v is object {
  return v instanceof IdList || Array.isArray(v) || (v !== null && typeof v === 'object' && !(v instanceof Number || v instanceof String || v instanceof Boolean));
}

/**
 * `value` as JSON.stringify(value, null, 2) would write it, each line after
 * the first prefixed by `indent`, in pieces of about 32 KiB. A generator, so
 * that a writer can stop between pieces until its stream drains.
 */
export function* jsonPieces(value: unknown, indent = ''): Generator<string> {
  let piece = '';
  const full = (): boolean => piece.length >= PIECE;
  function* walk(v: object, pad: string): Generator<string> {
    if (v instanceof IdList) {
      // Numbers only: printed straight from the typed array (a group of a big dump has tens of thousands).
      if (v.length === 0) return void (piece += '[]');
      const inner = ',\n' + pad + '  ';
      piece += '[\n' + pad + '  ' + String(v.at(0));
      for (let i = 1; i < v.length; i++) {
        piece += inner + String(v.at(i));
        if (full()) yield piece, (piece = '');
      }
      return void (piece += '\n' + pad + ']');
    }
    const inner = pad + '  ';
    if (Array.isArray(v)) {
      if (v.length === 0) return void (piece += '[]');
      piece += '[';
      for (let i = 0; i < v.length; i++) {
        piece += i === 0 ? '\n' + inner : ',\n' + inner;
        const item = jsonValue(v[i]);
        if (isComposite(item)) yield* walk(item, inner);
        else piece += JSON.stringify(item === undefined ? null : item);
        if (full()) yield piece, (piece = '');
      }
      return void (piece += '\n' + pad + ']');
    }
    let first = true;
    for (const key of Object.keys(v)) {
      const item = jsonValue((v as Record<string, unknown>)[key]);
      if (item === undefined) continue;
      piece += (first ? '{\n' : ',\n') + inner + JSON.stringify(key) + ': ';
      first = false;
      if (isComposite(item)) yield* walk(item, inner);
      else piece += JSON.stringify(item);
      if (full()) yield piece, (piece = '');
    }
    piece += first ? '{}' : '\n' + pad + '}';
  }
  const top = jsonValue(value);
  if (isComposite(top)) yield* walk(top, indent);
  else if (top !== undefined) piece += JSON.stringify(top);
  if (piece.length > 0) yield piece;
}

/** Writes `value` as JSON.stringify(value, null, 2) would, each line after the first prefixed by `indent`. */
export function writeJson(value: unknown, write: (text: string) => void, indent = ''): void {
  for (const piece of jsonPieces(value, indent)) write(piece);
}

/**
 * Writes text to a stream with back-pressure: when the stream's buffer is
 * full (a slow reader on a pipe), waits for it to drain before the next
 * piece. Without it, `gdump --json | slow-reader` buffered the whole output
 * (1.64 GiB RSS on a 100 k-goroutine --group-by stack, against 546 MiB to
 * /dev/null).
 */
export class DrainingWriter {
  constructor(private readonly stream: NodeJS.WritableStream) {}

  async write(text: string): Promise<void> {
    if (this.stream.write(text)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('close', done);
        this.stream.off('error', done);
        resolve();
      };
      this.stream.on('drain', done);
      this.stream.on('close', done);
      this.stream.on('error', done);
    });
  }

  async json(value: unknown, indent = ''): Promise<void> {
    for (const piece of jsonPieces(value, indent)) await this.write(piece);
  }
}
