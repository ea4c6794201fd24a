/**
 * What the input tests share: reading bytes through the same path as a file
 * (load: decoding, unwrapping, grammar), in small pieces so every decoder
 * meets a chunk boundary inside a character, a line and a gzip block.
 */
import { load, type Loaded } from '../../src/input/load.js';
import type { InputSource } from '../../src/input/source.js';

/** An in-memory source handing out `bytes` in pieces of `piece` bytes. */
export function bytesSource(name: string, bytes: Buffer, piece = 4093): InputSource {
  return {
    name,
    size: bytes.length,
    time: null,
    async *chunks() {
      for (let at = 0; at < bytes.length; at += piece) yield bytes.subarray(at, at + piece);
    },
  };
}

/** Reads `bytes` as gdump reads a file. */
export function loadBytes(bytes: Buffer, options: Parameters<typeof load>[1] = {}, name = 'input'): Promise<Loaded> {
  return load(bytesSource(name, bytes), options);
}
