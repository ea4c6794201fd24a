/** Truth files written by the fixture programs (fixtures/README.md). */
import { readFileSync } from 'node:fs';

export interface TruthSite {
  scenario: string;
  entry: string;
  createdBy: string;
  goFile: string;
  goLine: number;
  count: number;
  state: string;
}

export interface Truth {
  program: string;
  go: string;
  dumps?: string[];
  format?: string;
  numGoroutine: number;
  sites: TruthSite[];
  note?: string;
  [k: string]: unknown;
}

export function readTruth(file: string): Truth {
  return JSON.parse(readFileSync(file, 'utf8')) as Truth;
}

/** An allocation site as the heap-making programs record it (fixtures/profiles, fixtures/leak heap parts). */
export interface HeapTruthSite {
  function: string;
  file: string;
  line: number;
  inuseBytes: number;
  inuseObjects: number;
  /** The leak program records in-use values only. */
  allocBytes?: number;
  allocObjects?: number;
  /** Sampled heaps: the runtime's raw (unscaled) counts. */
  rawFromRuntime?: { inuseBytes: number; inuseObjects: number; allocBytes: number; allocObjects: number; records: number };
}
