#!/usr/bin/env node
// Young generation stays at its starting size: V8 doubles it (up to 32 MiB) once enough has survived
// scavenges, which a long run always reaches, so peak memory grew with the input (1.1 GB dump: +16 MiB).
// Set before anything is allocated in earnest; runs measured as fast or faster (bench/RESULTS.md).
import { setFlagsFromString } from 'node:v8';
setFlagsFromString('--semi-space-growth-factor=1');
// Thin entry: the CLI is bundled from src/cli by `npm run build` (scripts/bundle.mjs, then tsc; `npm ci` runs it).
const { main } = await import('../dist/bundle/cli/main.js');

await main();
