#!/usr/bin/env node
// Thin entry: the CLI is bundled from src/cli by `npm run build` (scripts/bundle.mjs, then tsc; `npm ci` runs it).
const { main } = await import('../dist/bundle/cli/main.js');

await main();
