#!/usr/bin/env node
// Thin entry: the CLI is bundled from src/cli by `npm run build` (tsc, then scripts/bundle.mjs; `npm ci` runs it).
import { main } from '../dist/bundle/cli/main.js';

await main();
