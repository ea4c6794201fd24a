// Saves V8's code cache for the plain-run bundle (src/cli/code-cache.ts says
// why). The last step of `npm run build`: it runs the bundle on a few of the
// committed dumps, so the code a run needs is compiled, then saves it. The
// runs happen in a child process whose output is thrown away; the child has
// the flags a `gdump` process has, which V8 requires of a cache it accepts.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist/bundle/plain/analyze.cjs`;

if (process.argv[2] !== '--warm') {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--warm'], { stdio: ['ignore', 'ignore', 'inherit'] });
  process.exit(child.status ?? 1);
}

const { loadCachedBundle, cacheFileOf } = await import(`${root}dist/src/cli/code-cache.js`);
const { ANALYZE_DEFAULTS } = await import(`${root}dist/src/cli/commands/analyze-args.js`);
const loaded = loadCachedBundle(bundle, false);
if (loaded === null) throw new Error(`${bundle} is missing: run scripts/bundle.mjs first`);

// A traceback and a count profile, as text and JSON, and a heap profile: what most runs read. Absent in a package without fixtures.
const samples = [
  ['fixtures/leak/after.txt', false],
  ['fixtures/leak/after.txt', true],
  ['fixtures/states/states.debug1.txt', false],
  ['fixtures/profiles/heap.debug1.txt', false],
];
for (const [file, json] of samples) {
  if (existsSync(`${root}${file}`)) await loaded.exports.runAnalyze({ ...ANALYZE_DEFAULTS, inputs: [`${root}${file}`], json });
}
const cacheFile = cacheFileOf(bundle);
writeFileSync(`${cacheFile}.tmp`, loaded.script.createCachedData());
renameSync(`${cacheFile}.tmp`, cacheFile);
process.stderr.write(`code cache: ${cacheFile.slice(root.length)}\n`);
