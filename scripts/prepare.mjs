// npm runs `prepare` after `npm ci` in a checkout (the devDependencies are
// there) and also for `npm install -g .` from a fresh clone, where npm has
// installed the dependencies only: the build tools (esbuild, typescript)
// are missing then, and the build failed with "Cannot find package
// 'esbuild'". So: install them first when they are missing (not saved to
// package.json), then build.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function resolvable(name) {
  try {
    require.resolve(`${name}/package.json`, { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

// The outer npm's settings (under `npm install -g`: global, prefix, omit=dev) must not steer this install into the checkout.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k)));

function run(args) {
  const r = spawnSync(npm, args, { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const missing = ['esbuild', 'typescript', '@types/node', '@types/react', '@types/yargs'].filter((name) => !resolvable(name));
if (missing.length > 0) {
  console.error(`gdump: the build needs ${missing.join(', ')} (devDependencies); installing them for the build`);
  run(['install', '--no-save', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund']);
}
run(['run', 'build']);
