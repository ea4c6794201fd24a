// Bundles the CLI for start-up speed: `tsc` (npm run build) type-checks and
// compiles dist/ for the tests and the library; this script bundles the CLI
// into dist/bundle/, because loading yargs and chevrotain as hundreds of
// small ESM modules (lodash-es) costs more than gdump's whole start-up
// budget. Three bundles:
//   cli/start.cjs      src/cli/start.ts, the first code run (bin/gdump.cjs): small, CommonJS
//   runs/runs.cjs      the analyze and diff runs as one CommonJS file, loaded from V8's code cache
//   cli/main.js        the yargs runner and everything else, ESM with code splitting:
//                      each `await import()` is a chunk, so --help loads no grammar and
//                      Ink/React load only for the TUI
import { build } from 'esbuild';
import { readdirSync, readFile, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Three levels under the repository, like dist/src/cli/: version.ts finds package.json at ../../../.
const outdir = `${root}dist/bundle/cli`;

/**
 * string-width (yargs' help layout, Ink) builds an Intl.Segmenter and
 * RegExps of Unicode properties (/^\p{RGI_Emoji}$/v) when its module loads.
 * Both load ICU data: ~45 ms for the first segmenter, ~40 ms to parse the
 * RegExps (V8 checks a literal's properties when it parses the module), paid
 * by every yargs run though only help text and the TUI measure strings.
 * This makes such top-level objects lazy, built on first use. A lazy RegExp
 * answers test and exec and the protocol behind String's match, matchAll,
 * replace, search and split, which is all those modules do with them.
 */
const SEGMENTER = /^(const|let|var) (\w+) = new Intl\.Segmenter\(([^)]*)\);$/gm;
const UNICODE_REGEXP = /^(const|let|var) (\w+) = \/(.*\\p\{.*)\/([dgimsuvy]*);$/gm;
const LAZY_REGEXP = `function __gdumpLazyRegExp(make) {
  let re;
  const get = () => (re ??= make());
  return {
    test: (s) => get().test(s),
    exec: (s) => get().exec(s),
    [Symbol.match]: (s) => get()[Symbol.match](s),
    [Symbol.matchAll]: (s) => get()[Symbol.matchAll](s),
    [Symbol.replace]: (s, r) => get()[Symbol.replace](s, r),
    [Symbol.search]: (s) => get()[Symbol.search](s),
    [Symbol.split]: (s, n) => get()[Symbol.split](s, n),
    get lastIndex() { return get().lastIndex; },
    set lastIndex(i) { get().lastIndex = i; },
    get source() { return get().source; },
    get flags() { return get().flags; },
    get global() { return get().global; },
  };
}
`;
const lazyUnicodeTables = {
  name: 'lazy-unicode-tables',
  setup(b) {
    b.onLoad({ filter: /node_modules[\\/].*\.js$/ }, async (args) => {
      const source = await promisify(readFile)(args.path, 'utf8');
      if (!source.includes('new Intl.Segmenter(') && !source.includes('\\p{')) return undefined;
      const segmenters = source.replace(SEGMENTER, (_, _kind, name, options) =>
        `let ${name}$lazy; const ${name} = { segment: (s) => (${name}$lazy ??= new Intl.Segmenter(${options})).segment(s) };`);
      const regexps = segmenters.replace(UNICODE_REGEXP, (_, kind, name, pattern, flags) =>
        `${kind} ${name} = __gdumpLazyRegExp(() => new RegExp(${JSON.stringify(pattern)}, ${JSON.stringify(flags)}));`);
      return { contents: regexps === segmenters ? regexps : `${regexps}\n${LAZY_REGEXP}`, loader: 'js' };
    });
  },
};

const common = {
  plugins: [lazyUnicodeTables],
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Node 20 reads RegExp set notation (/[\p{L}--\p{Lu}]/v) and property escapes; esbuild's node20 table
  // says otherwise and would rewrite such literals as new RegExp(…).
  supported: { 'regexp-set-notation': true, 'regexp-unicode-property-escapes': true },
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
};

/**
 * A CommonJS bundle: version.ts finds package.json from import.meta.url,
 * which a CommonJS file has not. The banner comes before esbuild's own
 * "use strict", so it says it first: the sources are ES modules, strict.
 */
const asCommonJs = {
  format: 'cjs',
  define: { 'import.meta.url': '__gdumpModuleUrl' },
  banner: { js: "'use strict';\nconst __gdumpModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const result = await build({
  ...common,
  metafile: true,
  entryPoints: { main: `${root}src/cli/main.ts` },
  outdir,
  splitting: true,
  format: 'esm',
  chunkNames: 'chunk-[hash]',
  // CommonJS dependencies (react) call require() for node built-ins; an ESM bundle has no require of its own.
  banner: { js: "import { createRequire as __gdumpRequire } from 'node:module'; const require = __gdumpRequire(import.meta.url);" },
  // Ink imports react-devtools-core only when DEV=true; it is not installed.
  external: ['react-devtools-core'],
});

// The start: CommonJS, so that a plain run never starts Node's ES module loader.
// It imports the yargs runner (./main.js, the ESM bundle beside it) only for
// command lines the plain run does not take.
const startFile = `${outdir}/start.cjs`;
await build({
  ...common,
  plugins: [...common.plugins, { name: 'main-beside', setup: (b) => b.onResolve({ filter: /^\.\/main\.js$/ }, () => ({ path: './main.js', external: true })) }],
  ...asCommonJs,
  entryPoints: [`${root}src/cli/start.ts`],
  outfile: startFile,
});
if (statSync(startFile).size > 64 << 10) throw new Error(`${startFile} is ${statSync(startFile).size} bytes: something large was bundled into the start`);

/**
 * The analyze and diff runs (src/cli/run/cached.ts) once more, as one
 * CommonJS file that src/cli/code-cache.ts can load from V8's code cache.
 * Such a script cannot import(), so the TUI (which -i runs import from the
 * ES module bundle) is left out and the build fails if any import() is left.
 */
const runsBundle = `${root}dist/bundle/runs/runs.cjs`;
// V8 checks a code cache against the source's length only, so the cache of an earlier bundle could be
// taken for this one: it goes now, and only scripts/code-cache.mjs, run after this, writes the new one
// (the name is code-cache.ts's cacheFileOf).
rmSync(`${runsBundle}.codecache`, { force: true });
const noTui = {
  name: 'no-tui',
  setup(b) {
    b.onResolve({ filter: /[\\/]tui[\\/]start\.js$/ }, () => ({ path: 'tui', namespace: 'no-tui' }));
    b.onLoad({ filter: /.*/, namespace: 'no-tui' }, () => ({
      contents: "export function startTui() { throw new Error('the code-cached runs have no TUI: -i goes through the ES module bundle'); }",
      loader: 'js',
    }));
  },
};
await build({
  ...common,
  plugins: [...common.plugins, noTui],
  ...asCommonJs,
  entryPoints: [`${root}src/cli/run/cached.ts`],
  outfile: runsBundle,
  // import() of a node built-in (http.ts) becomes require().
  supported: { ...common.supported, 'dynamic-import': false },
});
if (/\bimport\(/.test(readFileSync(runsBundle, 'utf8'))) throw new Error(`${runsBundle}: an import() was left in; code-cache.ts cannot run it`);

// Chunk names are content hashes, and a gdump started before this build may
// still import the chunks it was built with: old chunks go only after an hour.
const built = new Set(Object.keys(result.metafile.outputs).map((f) => path.resolve(root, f)));
for (const f of readdirSync(outdir)) {
  const file = path.join(outdir, f);
  if (!built.has(file) && !built.has(file.replace(/\.map$/, '')) && !file.startsWith(startFile) && Date.now() - statSync(file).mtimeMs > 3600_000) rmSync(file);
}
