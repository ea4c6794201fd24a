// Saves V8's code cache for the bundle of analyze and diff runs
// (src/cli/code-cache.ts says why). The last step of `npm run build`: it
// runs the bundle on a few of the committed dumps, so the code a run needs
// is compiled, then saves it. The runs happen in a child process whose
// output is thrown away; the child has the flags a `gdump` process has,
// which V8 requires of a cache it accepts.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist/bundle/runs/runs.cjs`;

if (process.argv[2] !== '--warm') {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--warm'], { stdio: ['ignore', 'ignore', 'inherit'] });
  process.exit(child.status ?? 1);
}

const { loadCachedBundle, cacheFileOf } = await import(`${root}dist/src/cli/code-cache.js`);
const { ANALYZE_DEFAULTS } = await import(`${root}dist/src/cli/commands/analyze-args.js`);
const loaded = loadCachedBundle(bundle, false);
if (loaded === null) throw new Error(`${bundle} is missing: run scripts/bundle.mjs first`);

// A traceback and a count profile, as text and JSON, a heap profile, and a diff: what most runs read. Absent in a package without fixtures.
const samples = [
  ['fixtures/leak/after.txt', false],
  ['fixtures/leak/after.txt', true],
  ['fixtures/states/states.debug1.txt', false],
  ['fixtures/profiles/heap.debug1.txt', false],
];
const have = (file) => existsSync(`${root}${file}`);
for (const [file, json] of samples) {
  if (have(file)) await loaded.exports.runAnalyze({ ...ANALYZE_DEFAULTS, inputs: [`${root}${file}`], json });
}
const diffInputs = ['fixtures/leak/before.txt', 'fixtures/leak/after.txt'];
if (diffInputs.every(have)) {
  const { default: yargs } = await import('yargs');
  const { diffCommand } = await import(`${root}dist/src/cli/commands/diff.js`);
  // The diff command's own defaults, as yargs makes them.
  await yargs(diffInputs.map((f) => `${root}${f}`))
    .command({ ...diffCommand, command: '$0 <inputs..>', handler: (args) => loaded.exports.runDiff(args) })
    .parseAsync();
}
const cacheFile = cacheFileOf(bundle);
writeFileSync(`${cacheFile}.tmp`, loaded.script.createCachedData());
renameSync(`${cacheFile}.tmp`, cacheFile);
process.stderr.write(`code cache: ${cacheFile.slice(root.length)}\n`);
