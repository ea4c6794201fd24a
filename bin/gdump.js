#!/usr/bin/env node
// Thin entry: the CLI lives in src/cli (compiled to dist/ by `npm run build`, which `npm ci` runs).
import { main } from '../dist/src/cli/main.js';

await main();
