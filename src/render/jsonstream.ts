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

/** Writes `value` as JSON.stringify(value, null, 2) would, each line after the first prefixed by `indent`. */
export function writeJson(value: unknown, write: (text: string) => void, indent = ''): void {
  let piece = '';
  const emit = (text: string): void => {
    piece += text;
    if (piece.length >= PIECE) {
      write(piece);
      piece = '';
    }
  };
  const walk = (v: unknown, pad: string): void => {
    if (v instanceof IdList) {
      // Numbers only: printed straight from the typed array (a group of a big dump has tens of thousands).
      if (v.length === 0) return emit('[]');
      const inner = ',\n' + pad + '  ';
      emit('[\n' + pad + '  ' + String(v.at(0)));
      for (let i = 1; i < v.length; i++) emit(inner + String(v.at(i)));
      return emit('\n' + pad + ']');
    }
    if (Array.isArray(v)) {
      if (v.length === 0) return emit('[]');
      const inner = pad + '  ';
      emit('[');
      for (let i = 0; i < v.length; i++) {
        emit(i === 0 ? '\n' + inner : ',\n' + inner);
        const item = jsonValue(v[i]);
        walk(item === undefined ? null : item, inner);
      }
      return emit('\n' + pad + ']');
    }
    if (v !== null && typeof v === 'object' && !(v instanceof Number || v instanceof String || v instanceof Boolean)) {
      const inner = pad + '  ';
      let first = true;
      for (const key of Object.keys(v)) {
        const item = jsonValue((v as Record<string, unknown>)[key]);
        if (item === undefined) continue;
        emit((first ? '{\n' : ',\n') + inner + JSON.stringify(key) + ': ');
        first = false;
        walk(item, inner);
      }
      return emit(first ? '{}' : '\n' + pad + '}');
    }
    emit(JSON.stringify(v));
  };
  const top = jsonValue(value);
  if (top !== undefined) walk(top, indent);
  if (piece.length > 0) write(piece);
}
