// Bundles the CLI for start-up speed: `tsc` (npm run build) type-checks and
// compiles dist/ for the tests and the library; this script bundles the CLI
// into dist/bundle/, because loading yargs and chevrotain as hundreds of
// small ESM modules (lodash-es) costs more than gdump's whole start-up
// budget. One ES module bundle with code splitting, entered at
// src/cli/start.ts (start.js, run by bin/gdump.cjs): each `await import()`
// is a chunk, so --version loads only the start, a plain run loads no yargs,
// --help loads no grammar, and Ink/React load only for the TUI.
import { build } from 'esbuild';
import { readdirSync, readFile, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Two levels under the repository, like dist/src/: version.ts finds package.json at ../../.
const outdir = `${root}dist/bundle`;

/**
 * string-width (yargs' help layout, Ink) builds an Intl.Segmenter and
 * RegExps of Unicode properties (/^\p{RGI_Emoji}$/v) when its module loads.
 * Both load ICU data, paid by every yargs run though only help text and the
 * TUI measure strings. This makes such top-level objects lazy, built on
 * first use. It earns its place, measured with 15 interleaved runs (best of
 * each, Node 20, 2 cores): `gdump FILE --top 5` 135 ms with it, 162 ms
 * without; `gdump --help` 143 vs 154 ms; `gdump diff A B` 185 vs 199 ms (the
 * plain run, which loads no yargs, is the same either way). A lazy RegExp
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

const result = await build({
  ...common,
  metafile: true,
  entryPoints: { start: `${root}src/cli/start.ts` },
  outdir,
  splitting: true,
  format: 'esm',
  chunkNames: 'chunk-[hash]',
  // CommonJS dependencies (react) call require() for node built-ins; an ESM bundle has no require of its own.
  banner: { js: "import { createRequire as __gdumpRequire } from 'node:module'; const require = __gdumpRequire(import.meta.url);" },
  // Ink imports react-devtools-core only when DEV=true; it is not installed.
  external: ['react-devtools-core'],
});

// Which source modules went into which file: test/speed/one-bundle.test.ts checks each is in one file only.
writeFileSync(`${outdir}/meta.json`, JSON.stringify(result.metafile));
const startFile = `${outdir}/start.js`;
if (statSync(startFile).size > 64 << 10) throw new Error(`${startFile} is ${statSync(startFile).size} bytes: something large was bundled into the start`);
// The two bundles of builds before this layout (a CommonJS start and a code-cached copy of the runs).
for (const old of ['cli', 'runs']) rmSync(`${outdir}/${old}`, { recursive: true, force: true });

// Chunk names are content hashes, and a gdump started before this build may
// still import the chunks it was built with: old chunks go only after an hour.
const built = new Set(Object.keys(result.metafile.outputs).map((f) => path.resolve(root, f)));
for (const f of readdirSync(outdir)) {
  const file = path.join(outdir, f);
  if (!built.has(file) && !built.has(file.replace(/\.map$/, '')) && f !== 'meta.json' && Date.now() - statSync(file).mtimeMs > 3600_000) rmSync(file, { recursive: true });
}
