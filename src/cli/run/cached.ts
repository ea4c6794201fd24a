/**
 * The runs built into the code-cached CommonJS bundle (scripts/bundle.mjs,
 * code-cache.ts): analyze and diff without -i, the commands whose small runs
 * are mostly start-up. Watch and the TUI stay in the ES module bundle.
 */
export { runAnalyze } from './analyze.js';
export { runDiff } from './diff.js';
