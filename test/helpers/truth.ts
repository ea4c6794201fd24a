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
