/**
 * String interning for names that repeat across goroutines (function names,
 * file paths). Substrings of a big input keep the whole input alive in V8;
 * an interned copy is flat, so only the distinct names stay in memory.
 */
import { splitFunctionName, type FunctionName } from '../src/model/frame.js';

function flatCopy(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly functions = new Map<string, FunctionName>();

  string(s: string): string {
    let v = this.strings.get(s);
    if (v === undefined) {
      v = flatCopy(s);
      this.strings.set(v, v);
    }
    return v;
  }

  functionName(full: string): FunctionName {
    let v = this.functions.get(full);
    if (v === undefined) {
      v = splitFunctionName(flatCopy(full));
      this.functions.set(v.full, v);
    }
    return v;
  }
}
