#!/usr/bin/env node
// Thin entry: the CLI is bundled from src/cli by `npm run build`
// (scripts/bundle.mjs; `npm ci` runs it), starting at src/cli/start.ts.
import('../dist/bundle/start.js').then(({ start }) => start(process.argv.slice(2)));
