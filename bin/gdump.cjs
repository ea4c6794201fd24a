#!/usr/bin/env node
// Thin entry. CommonJS, so that a plain run never starts Node's ES module
// loader; the CLI is bundled from src/cli by `npm run build` (scripts/bundle.mjs;
// `npm ci` runs it), starting at src/cli/start.ts.
require('../dist/bundle/cli/start.cjs').start(process.argv.slice(2));
