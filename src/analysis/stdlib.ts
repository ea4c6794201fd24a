/**
 * The standard library's top-level package directories (`go list std` and
 * GOROOT/src of Go 1.26, plus `cmd` and the experiments `arena` and `simd`;
 * no release since Go 1.0 removed one). A package whose first path element
 * is here is the standard library's; `myservice/...` or `corpus/internal/x`
 * (a module path without a dot, common for private services) is not.
 */
const STD_TOP = new Set([
  'archive', 'arena', 'bufio', 'builtin', 'bytes', 'cmd', 'cmp', 'compress', 'container', 'context', 'crypto',
  'database', 'debug', 'embed', 'encoding', 'errors', 'expvar', 'flag', 'fmt', 'go', 'hash', 'html', 'image',
  'index', 'internal', 'io', 'iter', 'log', 'maps', 'math', 'mime', 'net', 'os', 'path', 'plugin', 'reflect',
  'regexp', 'runtime', 'simd', 'slices', 'sort', 'strconv', 'strings', 'structs', 'sync', 'syscall', 'testing',
  'text', 'time', 'unicode', 'unique', 'unsafe', 'vendor', 'weak',
]);

/** True for a package path of the standard library (by its first element). */
export function isStdPackage(pkg: string): boolean {
  const slash = pkg.indexOf('/');
  return STD_TOP.has(slash < 0 ? pkg : pkg.slice(0, slash));
}

/**
 * True for a `-trimpath` file of a standard-library package: the build
 * printed `runtime/sema.go` or `net/http/server.go` (the package directory,
 * relative, then the file) instead of a GOROOT path.
 */
export function isTrimmedStdFile(pkg: string, file: string): boolean {
  return isStdPackage(pkg) && file.startsWith(pkg + '/') && file.indexOf('/', pkg.length + 1) < 0;
}
