/**
 * A parse worker's entry (worker_threads): loads and folds the parts of a
 * file it is sent, one after the other, and posts each part's folded groups
 * back (parallel.ts).
 */
import { parentPort } from 'node:worker_threads';
import { readParts, type PartsRequest, type PartWire } from './parallel-part.js';

export type WorkerReply = { parts: PartWire[] } | { error: string };

parentPort?.once('message', (request: PartsRequest) => {
  readParts(request).then(
    (parts) => parentPort!.postMessage({ parts } satisfies WorkerReply),
    (e: unknown) => parentPort!.postMessage({ error: (e as Error).message } satisfies WorkerReply),
  );
});
